package io.sagashop.worker.order;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.sagashop.contracts.order.OrderStatus;
import java.util.UUID;

/**
 * The order as the order service holds it, of which the saga keeps only these fields (the
 * service may add others without breaking the worker). After a create it is new and
 * PENDING or, when an earlier run already took it further, as that run left it. Total,
 * currency, reservation and payment are set once it is confirmed; the cancel reason once
 * it is cancelled.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecordedOrder(OrderStatus status, String cancelReason, Long totalCents, String currency,
        UUID reservationId, UUID paymentId) {
}
