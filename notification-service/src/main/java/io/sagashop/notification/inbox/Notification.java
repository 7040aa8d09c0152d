package io.sagashop.notification.inbox;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A message sent to a shopper about one of their orders, at most one per order and kind:
 * the {@code notification_one_per_order_and_kind} constraint decides which request
 * records it first.
 */
@Entity
@Table(name = "notification")
class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
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

    Notification(UUID orderId, UUID customerId, NotificationKind kind, NotificationChannel channel, String message,
            Instant createdAt) {
        this.orderId = orderId;
        this.customerId = customerId;
        this.kind = kind;
        this.channel = channel;
        this.message = message;
        this.createdAt = createdAt;
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
