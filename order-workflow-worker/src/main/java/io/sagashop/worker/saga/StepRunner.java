package io.sagashop.worker.saga;

import io.sagashop.contracts.order.SagaStep;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Runs a forward step: marks it running and done in the saga view, and turns a failed
 * call into what ends the saga ({@link StepFailures}).
 */
final class StepRunner {

    private static final Logger log = Workflow.getLogger(OrderWorkflowImpl.class);

    private final SagaSteps steps;

    private final UUID orderId;

    StepRunner(SagaSteps steps, UUID orderId) {
        this.steps = steps;
        this.orderId = orderId;
    }

    /**
     * @param refusals the business refusals of the step's activities, which cancel the
     * order
     */
    void run(SagaStep step, Set<String> refusals, Runnable activity) {
        call(step, refusals, () -> {
            activity.run();
            return null;
        });
    }

    <T> T call(SagaStep step, Set<String> refusals, Supplier<T> activity) {
        stopIfRunCancelled(step);
        steps.running(step);
        T result = invoke(step, refusals, activity);
        steps.done(step);
        return result;
    }

    /** Calls an activity of a step that marks itself running and done. */
    void invoke(SagaStep step, Set<String> refusals, Runnable activity) {
        invoke(step, refusals, () -> {
            activity.run();
            return null;
        });
    }

    private <T> T invoke(SagaStep step, Set<String> refusals, Supplier<T> activity) {
        try {
            return activity.get();
        }
        catch (ActivityFailure failure) {
            steps.failed(step, StepFailures.message(failure));
            throw StepFailures.ending(step, refusals, failure, orderId);
        }
    }

    /**
     * Runs a step whose failure never undoes the order (telling the shopper): a failure
     * is logged and shown in the saga view, and the saga goes on.
     */
    void tryRun(SagaStep step, Runnable activity) {
        steps.running(step);
        try {
            activity.run();
            steps.done(step);
        }
        catch (ActivityFailure failure) {
            String why = StepFailures.message(failure);
            log.warn("Could not complete {} of order {}: {}", step, orderId, why);
            steps.failed(step, why);
        }
    }

    /**
     * Follows a call the saga started beside its steps and does not wait for (telling the
     * shopper the order waits for approval): it belongs to no step, so a failure is
     * logged and changes nothing.
     * @param call what the call does, as the log reads it
     * @return completes when the call does, and never fails
     */
    Promise<Void> tryStarted(String call, Promise<Void> started) {
        return started.exceptionally(failure -> {
            String why = failure instanceof ActivityFailure activityFailure ? StepFailures.message(activityFailure)
                    : failure.getMessage();
            log.warn("Could not {} of order {}: {}", call, orderId, why);
            return null;
        });
    }

    /**
     * An attempt that finished after the run was cancelled (forward steps wait for
     * theirs) must not lead to the next step: the saga stops here and compensates.
     */
    static void stopIfRunCancelled(SagaStep next) {
        if (CancellationScope.current().isCancelRequested()) {
            throw new CanceledFailure("The order's run was cancelled before " + next);
        }
    }

}
