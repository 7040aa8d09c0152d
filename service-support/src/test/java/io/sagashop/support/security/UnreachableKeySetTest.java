package io.sagashop.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.sagashop.testsupport.security.TestIssuer;

/**
 * A service starts without reaching its issuer (no discovery, keys fetched on first use),
 * and while the key set is out of reach it answers 503, a problem to retry, not a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class UnreachableKeySetTest {

    @Autowired
    RestTestClient client;

    @DynamicPropertySource
    static void keysOutOfReach(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestIssuer.shared()::issuerUri);
        // Nothing listens on port 1.
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> "http://127.0.0.1:1/oauth2/jwks");
    }

    @Test
    void aTokenThatCannotBeCheckedIsAServiceUnavailableProblem() {
        client.get()
            .uri("/saga-reads")
            .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(TestIssuer.shared().worker()))
            .exchange()
            .expectStatus()
            .isEqualTo(503)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .json("""
                    {"type":"urn:sagashop:problem:service-unavailable","title":"Service unavailable","status":503,
                     "detail":"The access token could not be checked: the issuer's keys are out of reach; retry later",
                     "instance":"/saga-reads"}""", JsonCompareMode.STRICT);
    }

    @Test
    void aRequestWithoutATokenIsStillRefusedAsSuch() {
        client.get().uri("/saga-reads").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aBrokenTokenIsStillRefusedAsSuch() {
        String notAJwt = "not-a-jwt";

        client.get()
            .uri("/saga-reads")
            .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(notAJwt))
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .value(HttpHeaders.WWW_AUTHENTICATE, header -> assertThat(header).contains("invalid_token"));
    }

}
