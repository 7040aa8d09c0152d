package io.sagashop.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.sagashop.gateway.GatewayTest;

/**
 * Each caller has its own bucket: one caller over its limit is told when to come back,
 * and nobody else notices. Three requests and one more per hour, so that no refill falls
 * between two requests of a test.
 */
@TestPropertySource(properties = { "sagashop.gateway.rate-limits.per-principal.capacity=3",
        "sagashop.gateway.rate-limits.per-principal.refill-tokens=1",
        "sagashop.gateway.rate-limits.per-principal.refill-period=1h",
        "sagashop.gateway.rate-limits.per-address.capacity=3",
        "sagashop.gateway.rate-limits.per-address.refill-tokens=1",
        "sagashop.gateway.rate-limits.per-address.refill-period=1h" })
class RateLimitTest extends GatewayTest {

    @Test
    void aShopperOverTheLimitIsToldWhenToComeBackAndAnotherIsNot() {
        UUID ada = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            me(shopper(ada)).expectStatus().isOk();
        }

        EntityExchangeResult<String> refused = me(shopper(ada)).expectStatus()
            .isEqualTo(429)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(String.class)
            .returnResult();

        long retryAfter = Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 3600L);
        me(shopper(ada)).expectStatus()
            .isEqualTo(429)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:too-many-requests")
            .jsonPath("$.title")
            .isEqualTo("Too many requests")
            .jsonPath("$.retryAfterSeconds")
            .value(Long.class, seconds -> assertThat(seconds).isBetween(1L, 3600L));
        me(shopper(UUID.randomUUID())).expectStatus().isOk();
    }

    @Test
    void callersWithoutATokenAreLimitedByAddressButHealthProbesNever() {
        for (int i = 0; i < 3; i++) {
            client.get().uri("/actuator/info").exchange().expectStatus().isOk();
        }

        client.get()
            .uri("/actuator/info")
            .exchange()
            .expectStatus()
            .isEqualTo(429)
            .expectHeader()
            .exists(HttpHeaders.RETRY_AFTER);
        client.get().uri("/api/orders").exchange().expectStatus().isEqualTo(429);
        for (int i = 0; i < 5; i++) {
            client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        }
        me(shopper(UUID.randomUUID())).expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec me(String authorization) {
        return client.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, authorization).exchange();
    }

}
