package io.sagashop.gateway.notification;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A notification as the notification service keeps it (its {@code NotificationResponse}),
 * shown to the customer it was sent to only. Typed here rather than passed on as raw
 * JSON, so the API description the SPA's client is generated from says what one is.
 *
 * @param kind why the shopper was told
 * @param deliveredAt null until a channel confirms delivery
 */
record NotificationView(UUID notificationId, UUID orderId, UUID customerId, Kind kind, Channel channel, String message,
        Instant createdAt, @Nullable Instant deliveredAt) {

    enum Kind {

        ORDER_CONFIRMED, ORDER_CANCELLED, APPROVAL_PENDING

    }

    enum Channel {

        EMAIL, IN_APP

    }
}
