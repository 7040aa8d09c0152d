package io.sagashop.order.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as the API shows it; history oldest first. */
record OrderResponse(UUID orderId, UUID customerId, OrderStatus status, List<Line> lines, Long totalCents,
        String currency, UUID reservationId, UUID paymentId, String cancelReason, Instant createdAt, Instant updatedAt,
        List<StatusChange> history) {

    record Line(String sku, int quantity) {
    }

    record StatusChange(OrderStatus status, String reason, Instant changedAt) {
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
