package io.sagashop.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

class ProblemsTest {

    @Test
    void everyProblemHasATypeInOurSchemeAndItsTitle() {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "constraint-violated", "Conflicts");

        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getType()).hasToString("urn:sagashop:problem:constraint-violated");
        assertThat(problem.getTitle()).isEqualTo("Constraint violated");
        assertThat(problem.getDetail()).isEqualTo("Conflicts");
    }

    @Test
    void aFrameworksProblemIsTypedByItsStatus() {
        ProblemDetail problem = Problems.typedByStatus(ProblemDetail.forStatus(HttpStatus.METHOD_NOT_ALLOWED));

        assertThat(problem.getType()).hasToString("urn:sagashop:problem:method-not-allowed");
        assertThat(problem.getTitle()).isEqualTo("Method not allowed");
    }

    @Test
    void aTypedProblemKeepsItsType() {
        ProblemDetail problem = Problems
            .typedByStatus(Problems.of(HttpStatus.NOT_FOUND, "order-not-found", "No order 1"));

        assertThat(problem.getType()).hasToString("urn:sagashop:problem:order-not-found");
        assertThat(problem.getTitle()).isEqualTo("Order not found");
    }

    @Test
    void aBodyOverTheLimitSaysTheLimit() {
        String body = new String(ProblemJson.bytes(new RequestTooLargeException(65536).toProblemDetail()),
                StandardCharsets.UTF_8);

        assertThat(body).isEqualTo("""
                {"type":"urn:sagashop:problem:request-too-large","title":"Request too large","status":413,\
                "detail":"Request body exceeds the limit of 65536 bytes","limitBytes":65536}""");
    }

    @Test
    void anInvalidRequestListsEveryFieldInItsDetail() {
        ProblemDetail problem = new InvalidRequestException(
                List.of(new InvalidField("lines[0].quantity", "must be at least 1"),
                        new InvalidField("paymentToken", Reasons.REQUIRED)))
            .toProblemDetail();

        assertThat(problem.getTitle()).isEqualTo("Invalid request");
        assertThat(problem.getDetail()).isEqualTo("lines[0].quantity must be at least 1; paymentToken is required");
        assertThat(new InvalidRequestException(List.of()).getMessage()).isEqualTo("The request is invalid");
    }

}
