package io.sagashop.gateway;

import org.junit.jupiter.api.Test;

/** What operations and API clients rely on besides the API itself: probes, metrics, the API description. */
class GatewayOperationsTest extends GatewayTest {

    @Test
    void livenessAndReadinessAreUp() {
        client.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void publishesPrometheusMetrics() {
        client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .contains("application=\"gateway\""));
    }

    @Test
    void describesTheOrderApiWithItsIdentityHeaders() {
        client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/orders'].post.parameters[?(@.name == 'X-Customer-Id')].in")
                .isEqualTo("header")
                .jsonPath("$.paths['/api/operator/orders/{orderId}/approve'].post.parameters[?(@.name == "
                        + "'X-Operator')].in").isEqualTo("header");
    }
}
