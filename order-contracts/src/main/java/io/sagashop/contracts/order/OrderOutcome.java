package io.sagashop.contracts.order;

import java.util.UUID;

/**
 * How an order ended. A cancelled order is an outcome, not a workflow failure: the saga
 * did its job.
 *
 * @param failureType the stable type of the failure that ended the saga
 * ({@code out-of-stock}, {@code card-declined}, {@code cancelled-by-shopper}, ...), null
 * when confirmed
 */
public record OrderOutcome(UUID orderId, OrderStatus status, long totalCents, String currency, UUID reservationId,
        UUID paymentId, String cancelReason, String failureType) {
}
