package io.sagashop.worker.saga;

import static io.sagashop.contracts.order.OrderFailureTypes.PAYMENT_UNAVAILABLE;
import static io.sagashop.contracts.order.OrderFailureTypes.SERVICE_UNAVAILABLE;

import io.sagashop.contracts.order.SagaStep;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;

/**
 * What a failed activity call means for the saga: a business refusal or a spent retry
 * budget cancels the order, anything else is a broken run.
 */
final class StepFailures {

    private static final Logger log = Workflow.getLogger(OrderWorkflowImpl.class);

    private StepFailures() {
    }

    /**
     * The exception that ends the saga after {@code step} failed, or the run's
     * cancellation.
     * @param refusals the business refusals of the step's activities
     */
    static RuntimeException ending(SagaStep step, Set<String> refusals, ActivityFailure failure, UUID orderId) {
        if (CancellationScope.current().isCancelRequested()) {
            return new CanceledFailure("The order's run was cancelled during " + step);
        }
        String type = type(failure);
        String message = message(failure);
        RetryState retryState = failure.getRetryState();
        if (retryState == RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE && refusals.contains(type)) {
            return new SagaCancelled(type, message);
        }
        if (retryState == RetryState.RETRY_STATE_TIMEOUT
                || retryState == RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED) {
            // The step's retry budget (configuration) is spent: the order does not wait
            // any longer.
            return step == SagaStep.CHARGE_PAYMENT
                    ? new SagaCancelled(PAYMENT_UNAVAILABLE,
                            "The payment provider was unavailable; any charge was refunded")
                    : new SagaCancelled(SERVICE_UNAVAILABLE, "A service the order needs was unavailable");
        }
        // Neither a business answer nor an outage: a bug or a broken contract. Undo, then
        // fail the run loudly.
        log.error("Step {} of order {} failed unexpectedly ({}): {}", step, orderId, type, message);
        return new SagaBroken(type, "The order could not be completed because of an unexpected error",
                ApplicationFailure.newNonRetryableFailureWithCause("Step " + step + " of order " + orderId
                        + " failed unexpectedly (" + message + "); completed steps were compensated", type, failure));
    }

    /** The problem slug of a service's answer, else the kind of failure. */
    static String type(ActivityFailure failure) {
        ApplicationFailure cause = applicationFailure(failure);
        if (cause != null) {
            return cause.getType();
        }
        return failure.getCause() != null ? failure.getCause().getClass().getSimpleName() : "unknown";
    }

    static String message(ActivityFailure failure) {
        ApplicationFailure cause = applicationFailure(failure);
        if (cause != null) {
            return cause.getOriginalMessage();
        }
        return failure.getCause() instanceof TemporalFailure temporalFailure ? temporalFailure.getOriginalMessage()
                : failure.getOriginalMessage();
    }

    private static ApplicationFailure applicationFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApplicationFailure applicationFailure) {
                return applicationFailure;
            }
        }
        return null;
    }

}
