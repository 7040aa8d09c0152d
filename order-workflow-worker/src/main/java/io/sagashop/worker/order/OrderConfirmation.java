package io.sagashop.worker.order;

import java.util.UUID;

/** What the order keeps of the saga once it is confirmed. */
public record OrderConfirmation(UUID reservationId, UUID paymentId, long totalCents, String currency) {
}
