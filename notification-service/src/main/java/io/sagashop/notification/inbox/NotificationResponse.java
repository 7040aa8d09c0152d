package io.sagashop.notification.inbox;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A recorded notification; {@code deliveredAt} stays null until a channel confirms
 * delivery.
 */
record NotificationResponse(UUID notificationId, UUID orderId, UUID customerId, NotificationKind kind,
        NotificationChannel channel, String message, Instant createdAt, @Nullable Instant deliveredAt) {

    static NotificationResponse of(Notification notification) {
        return new NotificationResponse(notification.id(), notification.orderId(), notification.customerId(),
                notification.kind(), notification.channel(), notification.message(), notification.createdAt(),
                notification.deliveredAt());
    }
}
