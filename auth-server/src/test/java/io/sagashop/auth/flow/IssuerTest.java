package io.sagashop.auth.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestClient;

import io.sagashop.auth.AuthServerTest;
import io.sagashop.auth.TokenEndpoint;

/**
 * One issuer, the configured public URL, whatever name a request reached the server by:
 * under compose a browser says localhost and the applications say auth-server, and both
 * must see the same {@code iss}.
 */
@AuthServerTest
class IssuerTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "localhost" })
    void discoveryAndTokensNameTheConfiguredIssuer(String host) {
        URI base = URI.create("http://" + host + ":" + this.port);

        Map<String, Object> discovery = RestClient.create(base.toString())
            .get()
            .uri("/.well-known/openid-configuration")
            .retrieve()
            .body(new ParameterizedTypeReference<Map<String, Object>>() {
            });

        assertThat(discovery).containsEntry("issuer", AuthServerTest.ISSUER)
            .containsEntry("authorization_endpoint", AuthServerTest.ISSUER + "/oauth2/authorize")
            .containsEntry("token_endpoint", AuthServerTest.ISSUER + "/oauth2/token")
            .containsEntry("jwks_uri", AuthServerTest.ISSUER + "/oauth2/jwks")
            .containsEntry("end_session_endpoint", AuthServerTest.ISSUER + "/connect/logout");
        TokenEndpoint.Answer answer = new TokenEndpoint(base).clientCredentials("order-workflow-worker",
                AuthServerTest.WORKER_SECRET, "saga");
        Jwt token = NimbusJwtDecoder.withJwkSetUri(base + "/oauth2/jwks").build().decode(answer.get("access_token"));
        assertThat(token.getIssuer()).hasToString(AuthServerTest.ISSUER);
    }

}
