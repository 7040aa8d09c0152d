package io.sagashop.auth.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import io.sagashop.auth.AuthServerTest;
import io.sagashop.auth.TokenEndpoint;

/**
 * The order worker's own token, for the saga's writes: no person behind it.
 */
@AuthServerTest
class ClientCredentialsTest {

    @LocalServerPort
    int port;

    TokenEndpoint endpoint;

    NimbusJwtDecoder publishedKeys;

    @BeforeEach
    void connect() {
        URI base = URI.create("http://127.0.0.1:" + this.port);
        this.endpoint = new TokenEndpoint(base);
        this.publishedKeys = NimbusJwtDecoder.withJwkSetUri(base + "/oauth2/jwks").build();
        this.publishedKeys.setJwtValidator(JwtValidators.createDefaultWithIssuer(AuthServerTest.ISSUER));
    }

    @Test
    void theWorkerGetsASagaTokenForTheFiveServices() {
        TokenEndpoint.Answer answer = this.endpoint.clientCredentials("order-workflow-worker",
                AuthServerTest.WORKER_SECRET, "saga");

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body()).doesNotContainKeys("refresh_token", "id_token");
        Jwt token = this.publishedKeys.decode(answer.get("access_token"));
        assertThat(token.getIssuer()).hasToString(AuthServerTest.ISSUER);
        assertThat(token.getSubject()).isEqualTo("order-workflow-worker");
        assertThat(token.getAudience()).containsExactly("customer-service", "inventory-service", "order-service",
                "payment-service", "notification-service");
        assertThat(token.getClaimAsStringList("scope")).containsExactly("saga");
        assertThat(token.getClaims()).doesNotContainKeys("roles", "name", "email");
    }

    @Test
    void aWrongSecretIsRefused() {
        TokenEndpoint.Answer answer = this.endpoint.clientCredentials("order-workflow-worker", "not-the-secret",
                "saga");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.get("error")).isEqualTo("invalid_client");
        assertThat(answer.body()).doesNotContainKey("access_token");
    }

    @Test
    void theWorkerGetsNoPersonsScope() {
        TokenEndpoint.Answer answer = this.endpoint.clientCredentials("order-workflow-worker",
                AuthServerTest.WORKER_SECRET, "shop");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.get("error")).isEqualTo("invalid_scope");
    }

    @Test
    void theGatewayCannotActForItself() {
        TokenEndpoint.Answer answer = this.endpoint.clientCredentials("gateway", AuthServerTest.GATEWAY_SECRET, "shop");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.get("error")).isEqualTo("unauthorized_client");
    }

}
