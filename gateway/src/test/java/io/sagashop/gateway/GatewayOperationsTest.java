package io.sagashop.gateway;

import org.junit.jupiter.api.Test;

/**
 * What operations and API clients rely on besides the API itself: probes, metrics, the
 * API description.
 */
class GatewayOperationsTest extends GatewayTest {

    @Test
    void livenessAndReadinessAreUp() {
        client.get()
            .uri("/actuator/health/liveness")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("UP");
        client.get()
            .uri("/actuator/health/readiness")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("UP");
    }

    @Test
    void publishesPrometheusMetrics() {
        client.get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .value(body -> org.assertj.core.api.Assertions.assertThat(body).contains("application=\"gateway\""));
    }

    @Test
    void describesTheOrderApiWithItsIdentityHeaders() {
        client.get()
            .uri("/v3/api-docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.paths['/api/orders'].post.parameters[?(@.name == 'X-Customer-Id')].in")
            .isEqualTo("header")
            .jsonPath("$.paths['/api/operator/orders/{orderId}/approve'].post.parameters[?(@.name == "
                    + "'X-Operator')].in")
            .isEqualTo("header")
            .jsonPath("$.paths['/api/orders/{orderId}'].get.parameters[?(@.name == 'X-Customer-Id')].in")
            .isEqualTo("header")
            .jsonPath("$.paths['/api/orders'].get.parameters[?(@.name == 'X-Customer-Id')].in")
            .isEqualTo("header");
    }

    @Test
    void describesAShoppersOrderReadsWithTheirTypes() {
        client.get()
            .uri("/v3/api-docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.paths['/api/orders/{orderId}'].get.responses['200'].content['*/*'].schema['$ref']")
            .isEqualTo("#/components/schemas/OrderView")
            .jsonPath("$.paths['/api/orders'].get.responses['200'].content['*/*'].schema['$ref']")
            .isEqualTo("#/components/schemas/OrderPage")
            .jsonPath("$.components.schemas.OrderView.properties.customerId.format")
            .isEqualTo("uuid")
            .jsonPath("$.components.schemas.OrderPage.properties.items.items['$ref']")
            .isEqualTo("#/components/schemas/OrderView");
    }

}
