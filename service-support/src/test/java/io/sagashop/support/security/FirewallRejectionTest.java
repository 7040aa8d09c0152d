package io.sagashop.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.sagashop.testsupport.security.SignedByTestIssuer;
import io.sagashop.testsupport.security.TestIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Spring Security's firewall refuses, before any token is read, still answers the
 * shared problem shape rather than Boot's error JSON.
 */
@SignedByTestIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FirewallRejectionTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/saga-reads;jsessionid=1", "/saga-reads//", "/open/%2e%2e/saga-reads" })
    void aPathThatCouldMeanAnotherIsAProblemNamingThePath(String path) throws Exception {
        HttpResponse<String> response = http.send(request(path).GET().build(), BodyHandlers.ofString());

        JsonNode problem = problem(response);
        assertThat(problem.get("type").asString()).isEqualTo("urn:sagashop:problem:invalid-request");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("path");
        assertThat(problem.get("errors").get(0).get("reason").asString()).isEqualTo(FirewallRejections.PATH_REASON);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = "FOO")
    void aMethodTheFirewallDoesNotKnowIsABadRequestProblem(String method) throws Exception {
        HttpResponse<String> response = http
            .send(request("/saga-reads").method(method, BodyPublishers.noBody()).build(), BodyHandlers.ofString());

        JsonNode problem = problem(response);
        assertThat(problem.get("type").asString()).isEqualTo("urn:sagashop:problem:bad-request");
        assertThat(problem.get("instance").asString()).isEqualTo("/saga-reads");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", TestIssuer.bearer(TestIssuer.shared().worker()));
    }

    private JsonNode problem(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        return json.readTree(response.body());
    }

}
