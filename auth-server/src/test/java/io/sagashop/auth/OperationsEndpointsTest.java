package io.sagashop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

@AuthServerTest
class OperationsEndpointsTest {

    @Autowired
    RestTestClient client;

    @LocalServerPort
    int port;

    @Test
    void probesReportUpOnceTheDatabaseAnswers() {
        for (String probe : new String[] { "liveness", "readiness" }) {
            this.client.get()
                .uri("/actuator/health/{probe}", probe)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        }
        this.client.get().uri("/actuator/info").exchange().expectStatus().isOk();
    }

    @Test
    void theKeySetPublishesOnlyThePublicKeyNamedByItsThumbprint() throws Exception {
        String body = this.client.get()
            .uri("/oauth2/jwks")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

        List<JWK> keys = JWKSet.parse(body).getKeys();
        assertThat(keys).singleElement().satisfies(key -> {
            assertThat(key).isInstanceOf(RSAKey.class);
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
            assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
            assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
        });
    }

    @Test
    void everythingElseNeedsASignedInPerson() {
        Browser browser = new Browser(URI.create("http://127.0.0.1:" + this.port));

        assertThat(Browser.location(browser.get("/actuator/env"))).endsWith("/login");
        assertThat(Browser.location(browser.get("/"))).endsWith("/login");
    }

    @Test
    void anApiClientWithoutATokenGetsA401FromTheUserinfoEndpoint() {
        this.client.get().uri("/userinfo").exchange().expectStatus().isUnauthorized();
    }

}
