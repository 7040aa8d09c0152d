package io.sagashop.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient.BodyContentSpec;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

/**
 * Checks RFC 9457 answers the way a client reads them: status, content type, problem
 * type, named fields.
 */
public final class ProblemAssertions {

    private static final String TYPE_PREFIX = "urn:sagashop:problem:";

    private ProblemAssertions() {
    }

    public static BodyContentSpec expectProblem(ResponseSpec response, HttpStatus status, String type) {
        return response.expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo(TYPE_PREFIX + type)
            .jsonPath("$.status")
            .isEqualTo(status.value());
    }

    public static BodyContentSpec expectInvalidField(ResponseSpec response, String field) {
        return expectProblem(response, HttpStatus.BAD_REQUEST, "invalid-request").jsonPath("$.errors[*].field")
            .value(List.class, fields -> assertThat(fields).as("fields named in errors").contains(field));
    }

}
