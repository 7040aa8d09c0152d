package io.sagashop.payment.charge;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.sagashop.payment.processor.DeclineCode;

/**
 * A payment as callers see it; {@code customerId} and {@code currency} are empty only for
 * a void.
 */
record PaymentResponse(UUID paymentId, UUID orderId, @Nullable UUID customerId, PaymentStatus status, long amountCents,
        @Nullable String currency, @Nullable DeclineCode declineCode, Instant createdAt,
        @Nullable RefundResponse refund) {

    static PaymentResponse of(Payment payment) {
        Refund refund = payment.refundDetails();
        return new PaymentResponse(payment.id(), payment.orderId(), payment.customerId(), payment.status(),
                payment.amountCents(), payment.currency(), payment.declineCode(), payment.createdAt(),
                refund == null ? null : RefundResponse.of(refund));
    }
}
