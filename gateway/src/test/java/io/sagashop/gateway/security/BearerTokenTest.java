package io.sagashop.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import io.sagashop.gateway.GatewayTest;
import io.sagashop.testsupport.security.TestIssuer;
import io.sagashop.testsupport.security.TestIssuer.Person;

/**
 * An API client authenticates with the shop issuer's access token for the gateway, and
 * with nothing else: every token an attacker would try is a 401 that starts nothing.
 */
class BearerTokenTest extends GatewayTest {

    private static final Person ADA = Person.shopper(UUID.randomUUID());

    static Stream<Arguments> brokenTokens() {
        return Stream.of(Arguments.of("expired", issuer.accessToken(ADA).expiredAgo(Duration.ofMinutes(5)).signed()),
                Arguments.of("signed with another key under the same key id",
                        issuer.accessToken(ADA).signedWithImpostorKey()),
                Arguments.of("unsigned (alg none)", issuer.accessToken(ADA).unsigned()),
                Arguments.of("from another issuer", issuer.accessToken(ADA).issuer("http://elsewhere.test").signed()),
                Arguments.of("for the services only", issuer.accessToken(ADA).audiences(TestIssuer.SERVICES).signed()),
                Arguments.of("not a JWT at all", "opaque-0123456789"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTokens")
    void refusesABrokenTokenAndStartsNothing(String flaw, String token) {
        int runsBefore = temporal.runCount();

        client.post()
            .uri("/api/orders")
            .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(token))
            .header("Idempotency-Key", newKey())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(order("tok_visa", "COF-ESPRESSO-250", "1"))
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .value(HttpHeaders.WWW_AUTHENTICATE,
                    challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""))
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:unauthorized")
            .jsonPath("$.title")
            .isEqualTo("Unauthorized")
            .jsonPath("$.detail")
            .isEqualTo("A valid access token is required")
            .jsonPath("$.instance")
            .isEqualTo("/api/orders");
        assertThat(temporal.runCount()).isEqualTo(runsBefore);
    }

    @Test
    void aCallWithoutATokenIsChallenged() {
        client.get()
            .uri("/api/me")
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:unauthorized");
    }

    @Test
    void answersWhoIsCallingFromTheirToken() {
        client.get()
            .uri("/api/me")
            .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(issuer.accessToken(ADA).signed()))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.subject")
            .isEqualTo(ADA.subject().toString())
            .jsonPath("$.name")
            .isEqualTo(ADA.name())
            .jsonPath("$.email")
            .isEqualTo(ADA.email())
            .jsonPath("$.roles")
            .isEqualTo(List.of("SHOPPER"));
    }

    @Test
    void aClientActingForNobodyIsItself() {
        String clientToken = issuer.token().subject("shop-batch-importer").audiences("gateway").scopes("saga").signed();

        client.get()
            .uri("/api/me")
            .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(clientToken))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.subject")
            .isEqualTo("shop-batch-importer")
            .jsonPath("$.name")
            .isEmpty()
            .jsonPath("$.roles.length()")
            .isEqualTo(0);
    }

}
