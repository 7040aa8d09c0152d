package io.sagashop.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.sagashop.testsupport.security.SignedByTestIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A body that cannot be read is described in the request's terms: what is wrong with the
 * JSON and where, never the Java type it was bound to or the parser setting that refused
 * it.
 */
@SignedByTestIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnreadableBodyTest {

    private static final String VALID = """
            {"lines":[{"sku":"COF-1","quantity":2}]}""";

    private final HttpClient http = HttpClient.newHttpClient();

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void contentAfterTheObjectIsNamedAsSuch() throws Exception {
        JsonNode problem = problem(post(VALID + "{}"), "malformed-request");

        assertThat(problem.get("detail").asString())
            .isEqualTo("Request body is not valid JSON: unexpected content after the object");
    }

    @Test
    void aBodyCutShortSaysSo() throws Exception {
        JsonNode problem = problem(post("{\"lines\": ["), "malformed-request");

        assertThat(problem.get("detail").asString())
            .isEqualTo("Request body is not valid JSON: it ends before the JSON is complete");
    }

    @Test
    void aSyntaxErrorSaysWhere() throws Exception {
        JsonNode problem = problem(post("{\"lines\": [}"), "malformed-request");

        assertThat(problem.get("detail").asString())
            .isEqualTo("Request body is not valid JSON: unexpected character at line 1, column 12");
    }

    @Test
    void aBodyThatIsNoObjectSaysWhatItMustBe() throws Exception {
        JsonNode problem = problem(post("[1, 2]"), "malformed-request");

        assertThat(problem.get("detail").asString()).isEqualTo("Request body must be a JSON object");
    }

    @Test
    void aNestedValueOfTheWrongShapeNamesTheFieldNotTheJavaType() throws Exception {
        JsonNode problem = problem(post("{\"lines\":[1]}"), "invalid-request");

        assertThat(problem.get("detail").asString()).isEqualTo("lines[0] must be an object");
    }

    @Test
    void aNumberOutOfRangeNamesTheField() throws Exception {
        JsonNode problem = problem(post("{\"lines\":[{\"sku\":\"A\",\"quantity\":99999999999}]}"), "invalid-request");

        assertThat(problem.get("detail").asString()).isEqualTo("lines[0].quantity is out of range");
    }

    @Test
    void aNumberWithTooManyDigitsIsDescribedWithoutParserSettings() throws Exception {
        JsonNode problem = problem(post("{\"lines\":[{\"sku\":\"A\",\"quantity\":" + "1".repeat(1001) + "}]}"),
                "malformed-request");

        assertThat(problem.get("detail").asString())
            .isEqualTo("Request body is not valid JSON: a number has more digits than allowed");
    }

    @Test
    void nestingTooDeepIsDescribedWithoutParserSettings() throws Exception {
        // An unknown property is skipped, not bound, so only the parser's own limit stops
        // it.
        JsonNode problem = problem(post("{\"note\":" + "[".repeat(1001) + "]".repeat(1001) + "}"), "malformed-request");

        assertThat(problem.get("detail").asString())
            .isEqualTo("Request body is not valid JSON: arrays and objects are nested too deeply");
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/baskets"))
            .header("Authorization", ProblemTestApplication.WORKER)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body))
            .build(), BodyHandlers.ofString());
    }

    private JsonNode problem(HttpResponse<String> response, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:sagashop:problem:" + type);
        assertThat(problem.get("detail").asString()).doesNotContain("io.sagashop", "Basket", "Line", "`");
        return problem;
    }

}
