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
 * Requests the server refuses before Spring MVC sees them, and requests no controller can
 * take, still answer the shared problem shape with a detail, never an empty body or
 * Tomcat's HTML page.
 */
@SignedByTestIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sagashop.http.max-request-body=1KB")
class ServerRejectionTest {

    private static final String VALID = """
            {"lines":[{"sku":"COF-1","quantity":2}]}""";

    private final HttpClient http = HttpClient.newHttpClient();

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void headersOverTheServersLimitAreAProblem() throws Exception {
        HttpResponse<String> response = http.send(request("/keyed-baskets").header("Content-Type", "application/json")
            .header("Idempotency-Key", "k".repeat(10_000))
            .POST(BodyPublishers.ofString(VALID))
            .build(), BodyHandlers.ofString());

        JsonNode problem = problem(response, 431);
        assertThat(problem.get("type").asString()).isEqualTo("urn:sagashop:problem:request-header-fields-too-large");
        assertThat(problem.get("title").asString()).isEqualTo("Request header fields too large");
        assertThat(problem.get("detail").asString()).isEqualTo("The request's headers exceed the limit of 8192 bytes");
    }

    @Test
    void anEncodedSlashInThePathIsAProblemNamingThePath() throws Exception {
        HttpResponse<String> response = http.send(
                request("/baskets/COF%2F1/out-of-stock").POST(BodyPublishers.noBody()).build(),
                BodyHandlers.ofString());

        JsonNode problem = problem(response, 400);
        assertThat(problem.get("type").asString()).isEqualTo("urn:sagashop:problem:invalid-request");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("path");
        assertThat(problem.get("detail").asString()).isEqualTo("path must not contain an encoded '/' (%2F)");
    }

    @Test
    void anEncodedNulInThePathIsAProblemNamingThePath() throws Exception {
        HttpResponse<String> response = http.send(
                request("/baskets/COF%001/out-of-stock").POST(BodyPublishers.noBody()).build(),
                BodyHandlers.ofString());

        JsonNode problem = problem(response, 400);
        assertThat(problem.get("type").asString()).isEqualTo("urn:sagashop:problem:invalid-request");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("path");
        assertThat(problem.get("detail").asString()).isEqualTo("path must not contain an encoded NUL (%00)");
    }

    @Test
    void aJsonBodyWithoutContentTypeIsAProblemSayingWhatToSend() throws Exception {
        HttpResponse<String> response = http.send(request("/baskets").POST(BodyPublishers.ofString(VALID)).build(),
                BodyHandlers.ofString());

        JsonNode problem = problem(response, 415);
        assertThat(problem.get("type").asString()).isEqualTo("urn:sagashop:problem:unsupported-media-type");
        assertThat(problem.get("title").asString()).isEqualTo("Unsupported media type");
        assertThat(problem.get("detail").asString())
            .isEqualTo("Content-Type is missing: the body must be application/json");
    }

    @Test
    void aBodyOfAnotherMediaTypeIsAProblemSayingWhatToSend() throws Exception {
        HttpResponse<String> response = http.send(
                request("/baskets").header("Content-Type", "text/plain").POST(BodyPublishers.ofString(VALID)).build(),
                BodyHandlers.ofString());

        JsonNode problem = problem(response, 415);
        assertThat(problem.get("type").asString()).isEqualTo("urn:sagashop:problem:unsupported-media-type");
        assertThat(problem.get("detail").asString())
            .isEqualTo("Content-Type text/plain is not supported: the body must be application/json");
    }

    @Test
    void anUnknownPathIsAProblemOfOurOwnScheme() throws Exception {
        HttpResponse<String> response = http.send(request("/no-such-thing").GET().build(), BodyHandlers.ofString());

        JsonNode problem = problem(response, 404);
        assertThat(problem.get("type").asString()).isEqualTo("urn:sagashop:problem:not-found");
        assertThat(problem.get("title").asString()).isEqualTo("Not found");
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", ProblemTestApplication.WORKER);
    }

    private JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        return json.readTree(response.body());
    }

}
