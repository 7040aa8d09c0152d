package io.sagashop.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import io.sagashop.gateway.GatewayTest;
import io.sagashop.gateway.StubService.Received;

/** Reads go straight to the service that owns the data; nothing else gets through. */
class ServiceRoutesTest extends GatewayTest {

    @BeforeEach
    void forgetEarlierRequests() {
        inventoryService.clear();
        orderService.clear();
    }

    @Test
    void routesTheCatalogToTheInventoryService() throws Exception {
        client.get().uri("/api/products").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("inventory");
        client.get().uri("/api/products/COF-ESPRESSO-250").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("inventory");

        assertThat(inventoryService.nextRequest()).isEqualTo(new Received("GET", "/api/products", null));
        assertThat(inventoryService.nextRequest())
                .isEqualTo(new Received("GET", "/api/products/COF-ESPRESSO-250", null));
    }

    @Test
    void routesAnOrderToTheOrderService() throws Exception {
        UUID orderId = UUID.randomUUID();
        UUID customerId = UUID.randomUUID();

        client.get().uri("/api/orders/{orderId}", orderId)
                .header("X-Customer-Id", customerId.toString())
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("order");

        assertThat(orderService.nextRequest())
                .isEqualTo(new Received("GET", "/api/orders/" + orderId, customerId.toString()));
    }

    @Test
    void routesTheOrdersOfACustomerToTheOrderServiceWithTheQuery() throws Exception {
        UUID customerId = UUID.randomUUID();

        client.get().uri("/api/orders?customerId={customerId}&page=1", customerId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("order");

        assertThat(orderService.nextRequest())
                .isEqualTo(new Received("GET", "/api/orders?customerId=" + customerId + "&page=1", null));
    }

    @Test
    void writesToTheServicesAreNotRouted() {
        client.post().uri("/api/products/COF-ESPRESSO-250")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"stock\":1000}")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:sagashop:problem:not-found");
        client.put().uri("/api/orders/{orderId}", UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isNotFound();

        assertThat(inventoryService.receivedNothing()).isTrue();
        assertThat(orderService.receivedNothing()).isTrue();
    }

    @Test
    void listingOrdersWithoutACustomerIsNotRouted() {
        client.get().uri("/api/orders").exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:sagashop:problem:method-not-allowed");

        assertThat(orderService.receivedNothing()).isTrue();
    }
}
