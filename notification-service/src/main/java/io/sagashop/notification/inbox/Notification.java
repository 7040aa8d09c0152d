package io.sagashop.notification.inbox;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A message sent to a shopper about one of their orders. Rows are created by
 * {@link NotificationRepository#insertIfAbsent}, which lets the database decide who
 * records a given order and kind first, so this entity is only ever read here.
 */
@Entity
@Table(name = "notification")
class Notification {

    @Id
    private UUID id;

    private UUID orderId;

    private UUID customerId;

    @Enumerated(EnumType.STRING)
    private NotificationKind kind;

    @Enumerated(EnumType.STRING)
    private NotificationChannel channel;

    private String message;

    private Instant createdAt;

    private @Nullable Instant deliveredAt;

    protected Notification() {
        // for JPA
    }

    /**
     * Whether a request for the same order and kind asked for exactly this notification
     * (a replay).
     */
    boolean hasContent(UUID customerId, NotificationChannel channel, String message) {
        return this.customerId.equals(customerId) && this.channel == channel && this.message.equals(message);
    }

    NotificationRecorded recorded() {
        return new NotificationRecorded(id, orderId, customerId, kind, channel, message, createdAt);
    }

    UUID id() {
        return id;
    }

    UUID orderId() {
        return orderId;
    }

    UUID customerId() {
        return customerId;
    }

    NotificationKind kind() {
        return kind;
    }

    NotificationChannel channel() {
        return channel;
    }

    String message() {
        return message;
    }

    Instant createdAt() {
        return createdAt;
    }

    @Nullable Instant deliveredAt() {
        return deliveredAt;
    }

}
