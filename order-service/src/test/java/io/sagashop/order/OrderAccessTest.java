package io.sagashop.order;

import static io.sagashop.testsupport.security.GuardedCall.sagaCall;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.sagashop.testsupport.security.GuardedCall;
import io.sagashop.testsupport.security.ServiceAccessTest;
import io.sagashop.testsupport.security.TestIssuer;
import io.sagashop.testsupport.service.ServiceApplicationTest;

@ServiceApplicationTest
class OrderAccessTest extends ServiceAccessTest {

    private static final String ORDER = """
            {"customerId": "%s", "lines": [{"sku": "COF-ESPRESSO-250", "quantity": 1}]}""";

    @Autowired
    RestTestClient worker;

    @Autowired
    JdbcClient jdbc;

    /**
     * An order put in by someone other than the saga, and a pending order confirmed with
     * a payment nobody made.
     */
    @Override
    protected List<GuardedCall> guardedCalls() {
        UUID pending = UUID.randomUUID();
        worker.put()
            .uri("/api/orders/{orderId}", pending)
            .contentType(MediaType.APPLICATION_JSON)
            .body(ORDER.formatted(UUID.randomUUID()))
            .exchange()
            .expectStatus()
            .isCreated();
        return List.of(
                sagaCall("put an order", PUT, "/api/orders/" + UUID.randomUUID(), ORDER.formatted(UUID.randomUUID())),
                sagaCall("confirm an order with a made-up payment", POST, "/api/orders/" + pending + "/confirm", """
                        {"reservationId": "%s", "paymentId": "%s", "totalCents": 100, "currency": "EUR"}"""
                    .formatted(UUID.randomUUID(), UUID.randomUUID())));
    }

    @Test
    void aShoppersTokenListsOnlyThatShoppersOrders() {
        UUID shopper = UUID.randomUUID();
        String token = TestIssuer.bearer(TestIssuer.shared().shopper(shopper));

        worker.get()
            .uri("/api/orders?customerId={customerId}", shopper)
            .header(HttpHeaders.AUTHORIZATION, token)
            .exchange()
            .expectStatus()
            .isOk();
        worker.get()
            .uri("/api/orders?customerId={customerId}", UUID.randomUUID())
            .header(HttpHeaders.AUTHORIZATION, token)
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:forbidden");
        // The saga reads any customer's list.
        worker.get().uri("/api/orders?customerId={customerId}", UUID.randomUUID()).exchange().expectStatus().isOk();
    }

    /** A new order adds its row, every change of status one more. */
    @Override
    protected long rows() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM customer_order) + (SELECT count(*) FROM order_status_change)""")
            .query(Long.class)
            .single();
    }

}
