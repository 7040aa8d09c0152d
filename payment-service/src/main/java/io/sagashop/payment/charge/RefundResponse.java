package io.sagashop.payment.charge;

import java.time.Instant;
import java.util.UUID;

record RefundResponse(UUID refundId, long amountCents, Instant createdAt) {

    static RefundResponse of(Refund refund) {
        return new RefundResponse(refund.id(), refund.amountCents(), refund.createdAt());
    }
}
