package io.sagashop.payment.charge;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the database holds for an order, read directly rather than through the API under
 * test.
 */
final class PaymentTables {

    private final JdbcClient jdbc;

    PaymentTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int payments(UUID orderId) {
        return jdbc.sql("SELECT count(*) FROM payment WHERE order_id = :orderId")
            .param("orderId", orderId)
            .query(Integer.class)
            .single();
    }

    String status(UUID orderId) {
        return jdbc.sql("SELECT status FROM payment WHERE order_id = :orderId")
            .param("orderId", orderId)
            .query(String.class)
            .single();
    }

    String declineCode(UUID orderId) {
        return jdbc.sql("SELECT decline_code FROM payment WHERE order_id = :orderId")
            .param("orderId", orderId)
            .query(String.class)
            .single();
    }

    String paymentToken(UUID orderId) {
        return jdbc.sql("SELECT payment_token FROM payment WHERE order_id = :orderId")
            .param("orderId", orderId)
            .query(String.class)
            .single();
    }

    int refunds(UUID orderId) {
        return jdbc.sql("""
                SELECT count(*) FROM refund r JOIN payment p ON p.id = r.payment_id WHERE p.order_id = :orderId""")
            .param("orderId", orderId)
            .query(Integer.class)
            .single();
    }

    int processorAttempts(UUID orderId) {
        return jdbc.sql("SELECT coalesce(max(attempts), 0) FROM processor_attempt WHERE order_id = :orderId")
            .param("orderId", orderId)
            .query(Integer.class)
            .single();
    }

}
