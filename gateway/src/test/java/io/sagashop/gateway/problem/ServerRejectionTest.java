package io.sagashop.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.sagashop.gateway.GatewayTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the server refuses before any handler runs still answers the shared problem shape
 * with a detail, the same as the services answer it, never an empty body.
 */
class ServerRejectionTest extends GatewayTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void headersOverTheServersLimitAreAProblem() throws Exception {
        HttpResponse<String> response = http
            .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders/" + UUID.randomUUID()))
                .header("Authorization", shopper(UUID.randomUUID()))
                .header("Idempotency-Key", "k".repeat(10_000))
                .GET()
                .build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(431);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:sagashop:problem:request-header-fields-too-large");
        assertThat(problem.get("title").asString()).isEqualTo("Request header fields too large");
        assertThat(problem.get("detail").asString()).isEqualTo("The request's headers exceed the limit of 8192 bytes");
    }

}
