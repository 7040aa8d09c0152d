package io.sagashop.worker.payment;

import io.temporal.activity.ActivityInterface;
import java.util.Set;
import java.util.UUID;

/** The payment service's side of the saga: the charge and its refund. */
@ActivityInterface
public interface PaymentActivities {

    /** The business answers that end the saga: no retry changes them. */
    Set<String> REFUSALS = Set.of("card-declined", "insufficient-funds");

    /**
     * Charges the order's total and answers the payment id. Fails with
     * {@code card-declined} or {@code insufficient-funds}; a provider that is unavailable
     * fails retryably. Idempotency key: the order id (a replay answers the first charge,
     * or the same decline, without charging again).
     */
    UUID chargePayment(UUID orderId, Charge charge);

    /**
     * Compensation: refunds the charge; a declined charge stays as it is, and with no
     * charge the payment is voided so that a charge still in flight is refused.
     * Idempotency key: the order id (one refund per payment).
     */
    void refundPayment(UUID orderId);

}
