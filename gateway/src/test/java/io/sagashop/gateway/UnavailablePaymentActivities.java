package io.sagashop.gateway;

import java.util.UUID;

import io.temporal.failure.ApplicationFailure;

/** A payment provider that never comes back: every attempt fails with a retryable failure. */
public class UnavailablePaymentActivities implements PaymentActivities {

    public static final String FAILURE = "Payment processor unavailable (503)";

    @Override
    public void chargePayment(UUID orderId) {
        throw ApplicationFailure.newFailure(FAILURE, "processor-unavailable");
    }
}
