package io.sagashop.notification.inbox;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.sagashop.testsupport.service.ServiceApplicationTest;

/**
 * The table keeps its invariants even against writes that bypass the API. Declared like
 * the endpoint tests so that all of them share one application context and database.
 */
@ServiceApplicationTest
class NotificationTableTest {

    private final JdbcClient jdbc;

    NotificationTableTest(@Autowired JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Test
    void holdsOneNotificationPerOrderAndKind() {
        UUID orderId = UUID.randomUUID();
        insert(orderId, "ORDER_CONFIRMED", "EMAIL", "first", null);

        assertRefused(() -> insert(orderId, "ORDER_CONFIRMED", "IN_APP", "second", null),
                "notification_one_per_order_and_kind");
    }

    @Test
    void refusesUnknownKindAndChannel() {
        assertRefused(() -> insert(UUID.randomUUID(), "ORDER_SHIPPED", "EMAIL", "shipped", null),
                "notification_kind_known");
        assertRefused(() -> insert(UUID.randomUUID(), "ORDER_CONFIRMED", "SMS", "confirmed", null),
                "notification_channel_known");
    }

    @Test
    void refusesBlankMessage() {
        assertRefused(() -> insert(UUID.randomUUID(), "ORDER_CONFIRMED", "EMAIL", " ", null),
                "notification_message_not_blank");
    }

    @Test
    void refusesDeliveryBeforeCreation() {
        assertRefused(() -> insert(UUID.randomUUID(), "ORDER_CONFIRMED", "EMAIL", "confirmed",
                OffsetDateTime.parse("2000-01-01T00:00:00Z")), "notification_delivered_after_created");
    }

    private void insert(UUID orderId, String kind, String channel, String message, OffsetDateTime deliveredAt) {
        jdbc.sql("""
                INSERT INTO notification (id, order_id, customer_id, kind, channel, message, created_at, delivered_at)
                VALUES (?, ?, ?, ?, ?, ?, now(), ?)""")
            .params(UUID.randomUUID(), orderId, UUID.randomUUID(), kind, channel, message, deliveredAt)
            .update();
    }

    private static void assertRefused(Runnable write, String constraint) {
        assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(write::run)
            .withMessageContaining(constraint);
    }

}
