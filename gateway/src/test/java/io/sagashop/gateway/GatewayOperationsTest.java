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
            .jsonPath(
                    "$.paths['/api/orders/{orderId}'].get.responses['200'].content['application/json'].schema['$ref']")
            .isEqualTo("#/components/schemas/OrderView")
            .jsonPath("$.paths['/api/orders'].get.responses['200'].content['application/json'].schema['$ref']")
            .isEqualTo("#/components/schemas/OrderPage")
            .jsonPath("$.components.schemas.OrderView.properties.customerId.format")
            .isEqualTo("uuid")
            .jsonPath("$.components.schemas.OrderPage.properties.items.items['$ref']")
            .isEqualTo("#/components/schemas/OrderView");
    }

    @Test
    void describesEveryAnswerAnOperationCanGiveWithProblemBodies() {
        client.get()
            .uri("/v3/api-docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.paths['/api/orders'].post.responses.keys()")
            .value(List.class,
                    codes -> assertThat(codes).containsExactly("202", "400", "401", "403", "409", "413", "415", "429",
                            "503"))
            .jsonPath("$.paths['/api/orders'].post.responses['429'].content['application/problem+json'].schema['$ref']")
            .isEqualTo("#/components/schemas/Problem")
            .jsonPath("$.paths['/api/orders'].post.responses['429'].headers['Retry-After']")
            .exists()
            .jsonPath("$.paths['/api/orders/{orderId}/cancel'].post.responses.keys()")
            .value(List.class, codes -> assertThat(codes).contains("202", "404", "409").doesNotContain("200"))
            .jsonPath("$.paths['/api/operator/orders/{orderId}/approve'].post.summary")
            .value(String.class, summary -> assertThat(summary).startsWith("Operators only"))
            .jsonPath("$.paths['/api/me'].get.responses.keys()")
            .value(List.class, codes -> assertThat(codes).containsExactly("200", "401", "429"))
            .jsonPath("$.components.schemas.InvalidField.properties.field.type")
            .isEqualTo("string");
    }

    @Test
    void describesTheRoutesAndTheOperatorsEndpointsWithTheirTypes() {
        client.get()
            .uri("/v3/api-docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.paths['/api/products'].get.responses['200'].content['application/json'].schema.items['$ref']")
            .isEqualTo("#/components/schemas/ProductView")
            .jsonPath("$.paths['/api/products/{sku}'].get.responses.keys()")
            .value(List.class, codes -> assertThat(codes).contains("200", "401", "404", "429", "503", "504"))
            .jsonPath("$.paths['/api/operator/products/{sku}/restocks'].post.parameters[*].name")
            .value(List.class, names -> assertThat(names).containsExactly("sku", "Idempotency-Key"))
            .jsonPath("$.paths['/api/operator/products/{sku}/restocks'].post.responses.keys()")
            .value(List.class, codes -> assertThat(codes).contains("200", "201", "403", "409", "422"))
            .jsonPath("$.components.schemas.RestockRequest.properties.quantity.maximum")
            .isEqualTo(10_000)
            .jsonPath("$.paths['/api/operator/processor-faults'].delete.responses['204']")
            .exists()
            .jsonPath(
                    "$.paths['/api/operator/processor-faults'].put.requestBody.content['application/json'].schema['$ref']")
            .isEqualTo("#/components/schemas/ProcessorFaults")
            .jsonPath("$.paths['/api/operator/orders'].get.responses['200'].content['application/json'].schema['$ref']")
            .isEqualTo("#/components/schemas/OrderRunPage")
            .jsonPath("$.paths['/api/operator/orders'].get.parameters[?(@.name == 'pageSize')].schema.maximum")
            .value(List.class, maximum -> assertThat(maximum).containsExactly(100))
            .jsonPath("$.paths['/api/notifications'].get.responses['200'].content['application/json'].schema['$ref']")
            .isEqualTo("#/components/schemas/NotificationPage");
    }

    @Test
    void marksWhatMayBeNullAsNullable() {
        client.get()
            .uri("/v3/api-docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.components.schemas.OrderView.properties.totalCents.type")
            .value(List.class, types -> assertThat(types).containsExactlyInAnyOrder("integer", "null"))
            .jsonPath("$.components.schemas.OrderView.properties.orderId.type")
            .isEqualTo("string")
            .jsonPath("$.components.schemas.OrderRun.properties.closedAt.type")
            .value(List.class, types -> assertThat(types).contains("null"))
            .jsonPath("$.components.schemas.SagaState.properties.cancelReason.type")
            .value(List.class, types -> assertThat(types).contains("null"))
            .jsonPath("$.components.schemas.SagaStepState.properties.lastFailure.type")
            .value(List.class, types -> assertThat(types).contains("null"))
            .jsonPath("$.components.schemas.NotificationView.properties.deliveredAt.type")
            .value(List.class, types -> assertThat(types).contains("null"))
            .jsonPath("$.components.schemas.Caller.properties.email.type")
            .value(List.class, types -> assertThat(types).contains("null"));
    }

}
