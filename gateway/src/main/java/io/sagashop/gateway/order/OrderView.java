package io.sagashop.gateway.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.sagashop.contracts.order.OrderStatus;

/**
 * An order as the order service keeps it (its {@code OrderResponse}), shown to its owner
 * only. Typed here rather than passed on as raw JSON, so the API description the SPA's
 * client is generated from says what an order is.
 *
 * @param totalCents null until the order is priced
 * @param history status changes, oldest first
 */
record OrderView(UUID orderId, UUID customerId, OrderStatus status, List<Line> lines, Long totalCents, String currency,
        UUID reservationId, UUID paymentId, String cancelReason, Instant createdAt, Instant updatedAt,
        List<StatusChange> history) {

    record Line(String sku, int quantity) {
    }

    record StatusChange(OrderStatus status, String reason, Instant changedAt) {
    }
}
