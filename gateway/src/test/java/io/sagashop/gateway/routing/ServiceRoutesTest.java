package io.sagashop.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import io.sagashop.gateway.GatewayTest;
import io.sagashop.gateway.StubService.Received;

/**
 * Catalog reads go straight to the inventory service; nothing else gets through. Orders
 * are not routed: the gateway reads them itself for their owner ({@code OrderReadTest}).
 */
class ServiceRoutesTest extends GatewayTest {

    @BeforeEach
    void forgetEarlierRequests() {
        inventoryService.clear();
        orderService.clear();
    }

    @Test
    void routesTheCatalogToTheInventoryService() throws Exception {
        client.get()
            .uri("/api/products")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.service")
            .isEqualTo("inventory");
        client.get()
            .uri("/api/products/COF-ESPRESSO-250")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.service")
            .isEqualTo("inventory");

        assertThat(inventoryService.nextRequest()).isEqualTo(new Received("GET", "/api/products", null));
        assertThat(inventoryService.nextRequest())
            .isEqualTo(new Received("GET", "/api/products/COF-ESPRESSO-250", null));
    }

    @Test
    void writesToTheServicesAreNotRouted() {
        client.post()
            .uri("/api/products/COF-ESPRESSO-250")
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
            .header("X-Customer-Id", UUID.randomUUID().toString())
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
