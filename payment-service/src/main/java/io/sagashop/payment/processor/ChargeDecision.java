package io.sagashop.payment.processor;

import org.jspecify.annotations.Nullable;

/**
 * The processor's answer to a charge it could handle: approved, or declined with the
 * issuer's reason.
 */
public record ChargeDecision(@Nullable DeclineCode declineCode) {

    private static final ChargeDecision APPROVED = new ChargeDecision(null);

    static ChargeDecision approved() {
        return APPROVED;
    }

    static ChargeDecision declined(DeclineCode declineCode) {
        return new ChargeDecision(declineCode);
    }

    public boolean isApproved() {
        return declineCode == null;
    }
}
