package io.sagashop.order.lifecycle;

import static io.sagashop.order.lifecycle.OrderApi.expectInvalidField;
import static io.sagashop.order.lifecycle.OrderApi.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.sagashop.testsupport.security.TestIssuer;
import io.sagashop.testsupport.service.ServiceApplicationTest;

@ServiceApplicationTest
class ReadOrderTest {

    @Autowired
    private RestTestClient client;

    private OrderApi api;

    @BeforeEach
    void setUp() {
        api = new OrderApi(client);
    }

    @Test
    void getsAnOrderWithItsHistory() {
        OrderResponse created = api.createOrder(UUID.randomUUID());
        OrderResponse cancelled = api.transition(created.orderId(), "cancel", new CancelOrderRequest("Out of stock"));

        OrderResponse read = api.order(created.orderId());

        assertThat(read).isEqualTo(cancelled);
        assertThat(read.history()).extracting(OrderResponse.StatusChange::status)
            .containsExactly(OrderStatus.PENDING, OrderStatus.CANCELLED);
    }

    @Test
    void unknownOrderIsNotFound() {
        UUID orderId = UUID.randomUUID();

        expectProblem(api.get("/api/orders/{orderId}", orderId), HttpStatus.NOT_FOUND, "order-not-found")
            .jsonPath("$.id")
            .isEqualTo(orderId.toString());
    }

    @Test
    void listsOnlyTheCustomersOrdersNewestFirst() {
        UUID customerId = UUID.randomUUID();
        List<UUID> created = IntStream.range(0, 3).mapToObj(i -> api.createOrder(customerId).orderId()).toList();
        api.createOrder(UUID.randomUUID());

        OrderPage page = list(customerId, 0, 20);

        assertThat(page.items()).extracting(OrderResponse::orderId)
            .containsExactly(created.get(2), created.get(1), created.get(0));
        assertThat(page.items()).allSatisfy(order -> {
            assertThat(order.customerId()).isEqualTo(customerId);
            assertThat(order.lines()).hasSize(2);
            assertThat(order.history()).hasSize(1);
        });
        assertThat(page.page()).isZero();
        assertThat(page.size()).isEqualTo(20);
        assertThat(page.totalItems()).isEqualTo(3);
    }

    @Test
    void pagesThroughTheCustomersOrders() {
        UUID customerId = UUID.randomUUID();
        List<UUID> created = IntStream.range(0, 5).mapToObj(i -> api.createOrder(customerId).orderId()).toList();

        OrderPage first = list(customerId, 0, 2);
        OrderPage second = list(customerId, 1, 2);
        OrderPage last = list(customerId, 2, 2);
        OrderPage beyond = list(customerId, 3, 2);

        assertThat(first.items()).extracting(OrderResponse::orderId).containsExactly(created.get(4), created.get(3));
        assertThat(second.items()).extracting(OrderResponse::orderId).containsExactly(created.get(2), created.get(1));
        assertThat(last.items()).extracting(OrderResponse::orderId).containsExactly(created.get(0));
        assertThat(beyond.items()).isEmpty();
        assertThat(List.of(first, second, last, beyond)).allSatisfy(page -> {
            assertThat(page.size()).isEqualTo(2);
            assertThat(page.totalItems()).isEqualTo(5);
        });
        assertThat(second.page()).isEqualTo(1);
    }

    @Test
    void customerWithoutOrdersGetsAnEmptyPage() {
        OrderPage page = list(UUID.randomUUID(), 0, 20);

        assertThat(page.items()).isEmpty();
        assertThat(page.totalItems()).isZero();
    }

    @Test
    void listWithoutCustomerIsRejected() {
        expectInvalidField(api.get("/api/orders"), "customerId");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            customerId=not-a-uuid         | customerId
            customerId=%s&size=0          | size
            customerId=%s&size=101        | size
            customerId=%s&page=-1         | page
            customerId=%s&page=100001     | page
            customerId=%s&page=first      | page
            """)
    void invalidListParametersAreRejected(String query, String field) {
        expectInvalidField(api.get("/api/orders?" + query.formatted(UUID.randomUUID())), field);
    }

    /**
     * Sent as is: a URI template would drop the nameless parameter. Tomcat refused it
     * while the access rule read customerId, and Boot answered its error JSON.
     */
    @Test
    void aQueryTomcatCannotParseIsAProblem(@LocalServerPort int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest
                .newBuilder(
                        URI.create("http://localhost:" + port + "/api/orders?customerId=" + UUID.randomUUID() + "&=x"))
                .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(TestIssuer.shared().worker()))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValue("application/problem+json");
        assertThat(response.body()).contains("urn:sagashop:problem:invalid-request", "\"field\":\"query\"");
    }

    /** The gateway lists a shopper's orders with the shopper's token. */
    private OrderPage list(UUID customerId, int page, int size) {
        return client.get()
            .uri("/api/orders?customerId={customerId}&page={page}&size={size}", customerId, page, size)
            .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(TestIssuer.shared().shopper(customerId)))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(OrderPage.class)
            .returnResult()
            .getResponseBody();
    }

}
