package io.sagashop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

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
            .value(body -> assertThat(body).contains("application=\"gateway\""));
    }

    @Test
    void describesHowCallersAuthenticate() {
        client.get()
            .uri("/v3/api-docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.components.securitySchemes.bearer.type")
            .isEqualTo("http")
            .jsonPath("$.components.securitySchemes.bearer.scheme")
            .isEqualTo("bearer")
            .jsonPath("$.components.securitySchemes.bearer.bearerFormat")
            .isEqualTo("JWT")
            .jsonPath("$.components.securitySchemes.session.type")
            .isEqualTo("apiKey")
            .jsonPath("$.components.securitySchemes.session.in")
            .isEqualTo("cookie")
            .jsonPath("$.components.securitySchemes.session.name")
            .isEqualTo("SAGASHOP_SESSION")
            .jsonPath("$.paths['/api/orders'].post.security[*]")
            .value(List.class,
                    security -> assertThat(security).containsExactly(Map.of("bearer", List.of()),
                            Map.of("session", List.of())))
            .jsonPath("$.paths['/api/operator/orders/{orderId}/approve'].post.security.length()")
            .isEqualTo(2)
            .jsonPath("$.paths['/api/me'].get.security.length()")
            .isEqualTo(2)
            .jsonPath("$.paths['/api/orders/{orderId}'].get.parameters[*].name")
            .value(List.class, names -> assertThat(names).containsExactly("orderId"))
            .jsonPath("$.paths['/api/orders'].post.parameters[*].name")
            .value(List.class, names -> assertThat(names).containsExactly("Idempotency-Key"));
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
