package io.sagashop.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.sagashop.testsupport.security.SignedByTestIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SignedByTestIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sagashop.http.max-request-body=1KB")
class ProblemDetailAdviceTest {

    private static final String VALID = """
            {"lines":[{"sku":"COF-1","quantity":2}]}""";

    private final HttpClient http = HttpClient.newHttpClient();

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void acceptsAValidBody() throws Exception {
        HttpResponse<String> response = post("/baskets", BodyPublishers.ofString(VALID));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void malformedJsonIsAProblemNamingTheBody() throws Exception {
        HttpResponse<String> response = post("/baskets", BodyPublishers.ofString("{\"lines\": ["));

        JsonNode problem = problem(response, 400);
        assertThat(problem.get("type").asString()).isEqualTo("urn:sagashop:problem:malformed-request");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("body");
        assertThat(problem.get("instance").asString()).isEqualTo("/baskets");
    }

    @Test
    void validationNamesEveryFieldByItsJsonPath() throws Exception {
        HttpResponse<String> response = post("/baskets",
                BodyPublishers.ofString("{\"lines\":[{\"sku\":\"\",\"quantity\":0}]}"));

        JsonNode problem = problem(response, 400);
        assertThat(problem.get("type").asString()).isEqualTo("urn:sagashop:problem:invalid-request");
        assertThat(problem.get("title").asString()).isEqualTo("Invalid request");
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("lines[0].sku",
                "lines[0].quantity");
    }

    @Test
    void aValueOfTheWrongTypeNamesTheField() throws Exception {
        HttpResponse<String> response = post("/baskets",
                BodyPublishers.ofString("{\"lines\":[{\"sku\":\"A\",\"quantity\":\"many\"}]}"));

        JsonNode problem = problem(response, 400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("lines[0].quantity");
        assertThat(problem.get("errors").get(0).get("reason").asString()).isEqualTo("must be a whole number");
    }

    @Test
    void aFractionWhereAWholeNumberBelongsIsRefused() throws Exception {
        HttpResponse<String> response = post("/baskets",
                BodyPublishers.ofString("{\"lines\":[{\"sku\":\"A\",\"quantity\":1.5}]}"));

        JsonNode problem = problem(response, 400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("lines[0].quantity");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|',
            textBlock = """
                    a number in quotes      | {"lines":[{"sku":"A","quantity":"2"}]}            | lines[0].quantity | must be a whole number
                    an empty string         | {"lines":[{"sku":"A","quantity":""}]}             | lines[0].quantity | must be a whole number
                    a number for a string   | {"lines":[{"sku":123,"quantity":2}]}              | lines[0].sku      | must be a string
                    a boolean for a string  | {"lines":[{"sku":true,"quantity":2}]}             | lines[0].sku      | must be a string
                    a number for an enum    | {"lines":[{"sku":"A","quantity":2}],"colour":0}   | colour            | must be one of [RED, GREEN]
                    """)
    void aValueIsNeverCoercedIntoAnotherType(String value, String body, String field, String reason) throws Exception {
        HttpResponse<String> response = post("/baskets", BodyPublishers.ofString(body));

        JsonNode problem = problem(response, 400);
        assertThat(problem.get("type").asString()).isEqualTo("urn:sagashop:problem:invalid-request");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("reason").asString()).isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            at the top   | {"lines":[{"sku":"A","quantity":1}],"lines":[{"sku":"B","quantity":1}]} | lines
            in a line    | {"lines":[{"sku":"A","quantity":1},{"sku":"B","sku":"C","quantity":1}]} | lines[1].sku
            """)
    void aDuplicatedPropertyIsRefusedNamingIt(String where, String body, String field) throws Exception {
        HttpResponse<String> response = post("/baskets", BodyPublishers.ofString(body));

        JsonNode problem = problem(response, 400);
        assertThat(problem.get("type").asString()).isEqualTo("urn:sagashop:problem:invalid-request");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("reason").asString()).isEqualTo("is given more than once");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            at the top   | {"lines":[{"sku":"A","quantity":1}],"isAdmin":true} | isAdmin
            in a line    | {"lines":[{"sku":"A","quantity":1,"price":1}]}       | lines[0].price
            """)
    void anUnknownPropertyIsRefusedNamingIt(String where, String body, String field) throws Exception {
        HttpResponse<String> response = post("/baskets", BodyPublishers.ofString(body));

        JsonNode problem = problem(response, 400);
        assertThat(problem.get("type").asString()).isEqualTo("urn:sagashop:problem:invalid-request");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("reason").asString()).isEqualTo("is not a known property");
    }

    @Test
    void anUnknownEnumValueListsTheAllowedOnes() throws Exception {
        HttpResponse<String> response = post("/baskets",
                BodyPublishers.ofString("{\"lines\":[{\"sku\":\"A\",\"quantity\":1}],\"colour\":\"BLUE\"}"));

        JsonNode problem = problem(response, 400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("colour");
        assertThat(problem.get("errors").get(0).get("reason").asString()).isEqualTo("must be one of [RED, GREEN]");
    }

    @Test
    void aMissingHeaderIsNamed() throws Exception {
        HttpResponse<String> response = post("/keyed-baskets", BodyPublishers.ofString(VALID));

        JsonNode problem = problem(response, 400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
    }

    @Test
    void anInvalidHeaderIsNamed() throws Exception {
        HttpResponse<String> response = http.send(request("/keyed-baskets", BodyPublishers.ofString(VALID))
            .header("Idempotency-Key", "far-too-long-for-the-rule")
            .build(), BodyHandlers.ofString());

        JsonNode problem = problem(response, 400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
    }

    @Test
    void aPathVariableOfTheWrongTypeIsNamed() throws Exception {
        HttpResponse<String> response = post("/baskets/COF-1/out-of-stock/lots", BodyPublishers.noBody());

        JsonNode problem = problem(response, 400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("count");
        assertThat(problem.get("errors").get(0).get("reason").asString()).isEqualTo("must be a whole number");
    }

    @Test
    void proxyValidatedParametersAreNamedToo() throws Exception {
        HttpResponse<String> response = post("/proxied/0", BodyPublishers.noBody());

        JsonNode problem = problem(response, 400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("count");
    }

    @Test
    void aRuleAcrossFieldsAnswersLikeAnnotationValidation() throws Exception {
        HttpResponse<String> response = post("/baskets/rule", BodyPublishers.noBody());

        JsonNode problem = problem(response, 400);
        assertThat(problem.get("type").asString()).isEqualTo("urn:sagashop:problem:invalid-request");
        assertThat(problem.get("title").asString()).isEqualTo("Invalid request");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("colour");
    }

    @Test
    void domainProblemsKeepTheirStatusTypeAndProperties() throws Exception {
        HttpResponse<String> response = post("/baskets/COF-1/out-of-stock", BodyPublishers.noBody());

        JsonNode problem = problem(response, 422);
        assertThat(problem.get("type").asString()).isEqualTo("urn:sagashop:problem:out-of-stock");
        assertThat(problem.get("title").asString()).isEqualTo("Out of stock");
        assertThat(problem.get("sku").asString()).isEqualTo("COF-1");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("3600");
    }

    @Test
    void anUnanticipatedConstraintViolationIsAConflictNotAServerError() throws Exception {
        HttpResponse<String> response = post("/baskets/constraint", BodyPublishers.noBody());

        JsonNode problem = problem(response, 409);
        assertThat(problem.get("type").asString()).isEqualTo("urn:sagashop:problem:constraint-violated");
    }

    @Test
    void aBodyOverTheDeclaredLimitIsRefusedBeforeItIsRead() throws Exception {
        HttpResponse<String> response = post("/baskets", BodyPublishers.ofString(oversized()));

        JsonNode problem = problem(response, 413);
        assertThat(problem.get("type").asString()).isEqualTo("urn:sagashop:problem:request-too-large");
        assertThat(problem.get("limitBytes").asLong()).isEqualTo(1024);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWhileReading() throws Exception {
        byte[] body = oversized().getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = post("/baskets",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        JsonNode problem = problem(response, 413);
        assertThat(problem.get("type").asString()).isEqualTo("urn:sagashop:problem:request-too-large");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aMultipartContentTypeWithoutABoundaryIsABadRequestNotAServerError(CapturedOutput output) throws Exception {
        HttpRequest read = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/baskets/latest"))
            .header("Authorization", ProblemTestApplication.WORKER)
            .header("Content-Type", "multipart/form-data")
            .GET()
            .build();
        HttpRequest write = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/baskets"))
            .header("Authorization", ProblemTestApplication.WORKER)
            .header("Content-Type", "multipart/form-data")
            .POST(BodyPublishers.ofString(VALID))
            .build();

        for (HttpRequest request : new HttpRequest[] { read, write }) {
            JsonNode problem = problem(http.send(request, BodyHandlers.ofString()), 400);
            assertThat(problem.get("type").asString()).isEqualTo("urn:sagashop:problem:invalid-request");
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("Content-Type");
            assertThat(problem.get("detail").asString())
                .isEqualTo("Content-Type must name a boundary for multipart/form-data");
        }
        assertThat(output).doesNotContain("ERROR");
    }

    private static String oversized() {
        return "{\"lines\":[{\"sku\":\"" + "A".repeat(2048) + "\",\"quantity\":1}]}";
    }

    private HttpResponse<String> post(String path, BodyPublisher body) throws Exception {
        return http.send(request(path, body).build(), BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", ProblemTestApplication.WORKER)
            .header("Content-Type", "application/json")
            .POST(body);
    }

    private JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        return json.readTree(response.body());
    }

}
