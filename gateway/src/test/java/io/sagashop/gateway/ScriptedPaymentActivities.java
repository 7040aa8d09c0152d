package io.sagashop.gateway;

import java.util.UUID;

import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;

/**
 * A payment provider that is down: every attempt fails with a retryable failure, except
 * that a charge with {@link ScriptedOrderWorkflow#RECOVERING_TOKEN} succeeds on attempt
 * {@value #RECOVERS_ON_ATTEMPT}.
 */
public class ScriptedPaymentActivities implements PaymentActivities {

    public static final String FAILURE = "Payment processor unavailable (503)";

    public static final int RECOVERS_ON_ATTEMPT = 3;

    @Override
    public void chargePayment(UUID orderId, String paymentToken) {
        boolean recovers = ScriptedOrderWorkflow.RECOVERING_TOKEN.equals(paymentToken);
        if (recovers && Activity.getExecutionContext().getInfo().getAttempt() >= RECOVERS_ON_ATTEMPT) {
            return;
        }
        throw ApplicationFailure.newFailure(FAILURE, "processor-unavailable");
    }

}
