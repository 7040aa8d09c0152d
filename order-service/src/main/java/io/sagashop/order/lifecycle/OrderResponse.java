package io.sagashop.order.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An order as the API shows it; history oldest first. What confirming records (total,
 * currency, reservation and payment) is null until the order is confirmed, the cancel
 * reason until it is cancelled.
 */
record OrderResponse(UUID orderId, UUID customerId, OrderStatus status, List<Line> lines, @Nullable Long totalCents,
        @Nullable String currency, @Nullable UUID reservationId, @Nullable UUID paymentId,
        @Nullable String cancelReason, Instant createdAt, Instant updatedAt, List<StatusChange> history) {

    @Schema(name = "OrderLine")
    record Line(String sku, int quantity) {
    }

    /** {@code reason} is null for a change that needs none (created, confirmed). */
    record StatusChange(OrderStatus status, @Nullable String reason, Instant changedAt) {
    }

    static OrderResponse of(Order order) {
        return new OrderResponse(order.id(), order.customerId(), order.status(),
                order.lines().stream().map(line -> new Line(line.sku(), line.quantity())).toList(), order.totalCents(),
                order.currency(), order.reservationId(), order.paymentId(), order.cancelReason(), order.createdAt(),
                order.updatedAt(),
                order.history()
                    .stream()
                    .map(change -> new StatusChange(change.status(), change.reason(), change.changedAt()))
                    .toList());
    }
}
