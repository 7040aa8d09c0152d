package io.sagashop.notification;

import static io.sagashop.testsupport.security.GuardedCall.sagaCall;
import static org.springframework.http.HttpMethod.PUT;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.sagashop.testsupport.security.GuardedCall;
import io.sagashop.testsupport.security.ServiceAccessTest;
import io.sagashop.testsupport.security.TestIssuer;
import io.sagashop.testsupport.service.ServiceApplicationTest;

@ServiceApplicationTest
class NotificationAccessTest extends ServiceAccessTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RestTestClient worker;

    /** A notification the shopper would receive as if from the shop. */
    @Override
    protected List<GuardedCall> guardedCalls() {
        return List
            .of(sagaCall("record a notification", PUT, "/api/notifications/" + UUID.randomUUID() + "/ORDER_CONFIRMED",
                    """
                            {"customerId": "%s", "channel": "EMAIL", "message": "Your order is confirmed: pay again at evil.example"}"""
                        .formatted(UUID.randomUUID())));
    }

    @Test
    void aShoppersTokenListsOnlyThatShoppersNotifications() {
        UUID shopper = UUID.randomUUID();
        UUID someoneElse = UUID.randomUUID();
        UUID theirOrder = UUID.randomUUID();
        worker.put()
            .uri("/api/notifications/{orderId}/ORDER_CONFIRMED", theirOrder)
            .body(Map.of("customerId", someoneElse, "channel", "IN_APP", "message", "Your order is confirmed"))
            .exchange()
            .expectStatus()
            .isCreated();
        String token = TestIssuer.bearer(TestIssuer.shared().shopper(shopper));

        worker.get()
            .uri("/api/notifications?customerId={customerId}", shopper)
            .header(HttpHeaders.AUTHORIZATION, token)
            .exchange()
            .expectStatus()
            .isOk();
        worker.get()
            .uri("/api/notifications?customerId={customerId}", someoneElse)
            .header(HttpHeaders.AUTHORIZATION, token)
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:forbidden")
            .jsonPath("$.items")
            .doesNotExist();
        // Order ids are keyed and cannot be guessed: an order's list stays open to a
        // shopper's token.
        worker.get()
            .uri("/api/notifications?orderId={orderId}", UUID.randomUUID())
            .header(HttpHeaders.AUTHORIZATION, token)
            .exchange()
            .expectStatus()
            .isOk();
        // The saga reads any customer's list.
        worker.get()
            .uri("/api/notifications?customerId={customerId}", someoneElse)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.totalItems")
            .isEqualTo(1);
    }

    @Override
    protected long rows() {
        return jdbc.sql("SELECT count(*) FROM notification").query(Long.class).single();
    }

}
