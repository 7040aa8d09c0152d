package io.sagashop.support.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.sagashop.testsupport.security.SignedByTestIssuer;
import io.sagashop.testsupport.security.TestIssuer;

/**
 * A path no rule names is refused, whoever asks: 401 without a token, 403 with a valid
 * one. That includes the protected-resource metadata Spring Security would serve on its
 * own.
 */
@SignedByTestIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ClosedByDefaultTest {

    @Autowired
    RestTestClient client;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/unlisted", "/.well-known/oauth-protected-resource",
            "/.well-known/oauth-protected-resource/saga-reads" })
    void isRefusedWithoutAToken(String path) {
        client.mutate()
            .defaultHeaders(headers -> headers.remove(HttpHeaders.AUTHORIZATION))
            .build()
            .get()
            .uri(path)
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:unauthorized");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/unlisted", "/.well-known/oauth-protected-resource",
            "/.well-known/oauth-protected-resource/saga-reads" })
    void isRefusedToAValidToken(String path) {
        client.get()
            .uri(path)
            .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(TestIssuer.shared().worker()))
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:forbidden");
    }

}
