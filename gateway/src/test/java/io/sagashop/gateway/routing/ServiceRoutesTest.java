package io.sagashop.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import io.sagashop.gateway.GatewayTest;
import io.sagashop.gateway.StubService.Received;
import io.sagashop.testsupport.security.TestIssuer;

/**
 * Catalog reads go straight to the inventory service, an operator's restocks and
 * processor faults to the inventory and payment services; nothing else gets through.
 * Orders are not routed: the gateway reads them itself for their owner
 * ({@code OrderReadTest}).
 */
class ServiceRoutesTest extends GatewayTest {

    @BeforeEach
    void forgetEarlierRequests() {
        inventoryService.clear();
        orderService.clear();
        paymentService.clear();
    }

    @Test
    void routesAnOperatorsRestockToTheInventoryServiceWithTheKey() throws Exception {
        inventoryService.answer("/api/products/COF-ESPRESSO-250/restocks", 201, """
                {"restockId":"%s","sku":"COF-ESPRESSO-250","quantity":10,"stockAfter":60,
                 "createdAt":"2026-01-05T10:00:00Z"}""".formatted(UUID.randomUUID()));
        String token = issuer.operator();

        client.post()
            .uri("/api/operator/products/COF-ESPRESSO-250/restocks")
            .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(token))
            .header("Idempotency-Key", "delivery-2026-01-05")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"quantity\":10}")
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody()
            .jsonPath("$.stockAfter")
            .isEqualTo(60);

        assertThat(inventoryService.nextRequest())
            .isEqualTo(new Received("POST", "/api/products/COF-ESPRESSO-250/restocks", TestIssuer.bearer(token), null));
    }

    @Test
    void routesAnOperatorsProcessorFaultsToThePaymentService() throws Exception {
        paymentService.answer("/api/operator/processor-faults", 200, "{\"failNextCalls\":3,\"latencyMillis\":0}");
        String token = issuer.operator();

        client.put()
            .uri("/api/operator/processor-faults")
            .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(token))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"failNextCalls\":3,\"latencyMillis\":0}")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.failNextCalls")
            .isEqualTo(3);
        client.delete()
            .uri("/api/operator/processor-faults")
            .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(token))
            .exchange()
            .expectStatus()
            .isOk();

        assertThat(paymentService.nextRequest())
            .isEqualTo(new Received("PUT", "/api/operator/processor-faults", TestIssuer.bearer(token), null));
        assertThat(paymentService.nextRequest())
            .isEqualTo(new Received("DELETE", "/api/operator/processor-faults", TestIssuer.bearer(token), null));
    }

    @Test
    void routesTheCatalogToTheInventoryService() throws Exception {
        String token = issuer.shopper(UUID.randomUUID());
        client.get()
            .uri("/api/products")
            .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(token))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.service")
            .isEqualTo("inventory");
        client.get()
            .uri("/api/products/COF-ESPRESSO-250")
            .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(token))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.service")
            .isEqualTo("inventory");

        assertThat(inventoryService.nextRequest())
            .isEqualTo(new Received("GET", "/api/products", TestIssuer.bearer(token), null));
        assertThat(inventoryService.nextRequest())
            .isEqualTo(new Received("GET", "/api/products/COF-ESPRESSO-250", TestIssuer.bearer(token), null));
    }

    /** The services answer nobody without a token, so neither does the route. */
    @Test
    void theCatalogNeedsAToken() {
        client.get()
            .uri("/api/products")
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:unauthorized");

        assertThat(inventoryService.receivedNothing()).isTrue();
    }

    @Test
    void writesToTheServicesAreNotRouted() {
        client.post()
            .uri("/api/products/COF-ESPRESSO-250")
            .header(HttpHeaders.AUTHORIZATION, shopper(UUID.randomUUID()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"stock\":1000}")
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:not-found");
        client.put()
            .uri("/api/orders/{orderId}", UUID.randomUUID())
            .header(HttpHeaders.AUTHORIZATION, shopper(UUID.randomUUID()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}")
            .exchange()
            .expectStatus()
            .isEqualTo(405)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:method-not-allowed");

        assertThat(inventoryService.receivedNothing()).isTrue();
        assertThat(orderService.receivedNothing()).isTrue();
    }

}
