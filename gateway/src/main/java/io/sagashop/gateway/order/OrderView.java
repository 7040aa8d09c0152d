package io.sagashop.gateway.order;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.sagashop.contracts.order.OrderStatus;

/**
 * An order as the order service keeps it (its {@code OrderResponse}), shown to its owner
 * only. Typed here rather than passed on as raw JSON, so the API description the SPA's
 * client is generated from says what an order is.
 *
 * @param totalCents null until the order is priced, as its currency
 * @param reservationId null until the order is confirmed, as its paymentId
 * @param cancelReason null unless the order is cancelled
 * @param history status changes, oldest first
 * @param temporalUiUrl the order's run in the Temporal Web UI, added by the gateway (the
 * order service does not know Temporal)
 */
record OrderView(UUID orderId, UUID customerId, OrderStatus status, List<Line> lines, @Nullable Long totalCents,
        @Nullable String currency, @Nullable UUID reservationId, @Nullable UUID paymentId,
        @Nullable String cancelReason, Instant createdAt, Instant updatedAt, List<StatusChange> history,
        URI temporalUiUrl) {

    OrderView withTemporalUiUrl(URI temporalUiUrl) {
        return new OrderView(orderId, customerId, status, lines, totalCents, currency, reservationId, paymentId,
                cancelReason, createdAt, updatedAt, history, temporalUiUrl);
    }

    record Line(String sku, int quantity) {
    }

    record StatusChange(OrderStatus status, @Nullable String reason, Instant changedAt) {
    }
}
