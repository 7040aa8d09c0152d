package io.sagashop.payment.charge;

/** A successful charge and whether this request created it or replayed an earlier one. */
record ChargeResult(PaymentResponse payment, boolean created) {
}
