package io.sagashop.order.lifecycle;

import java.util.UUID;

/**
 * What the saga reserved and charged for an order; stored when the order is confirmed.
 */
record Confirmation(UUID reservationId, UUID paymentId, long totalCents, String currency) {
}
