package io.sagashop.notification.inbox;

import java.time.Instant;
import java.util.UUID;

/**
 * Published once per notification, when it is first recorded; listeners send it after the
 * commit.
 */
public record NotificationRecorded(UUID notificationId, UUID orderId, UUID customerId, NotificationKind kind,
        NotificationChannel channel, String message, Instant createdAt) {
}
