package io.sagashop.worker.saga;

import static io.sagashop.contracts.order.OrderFailureTypes.COMPENSATION_FAILED;

import io.sagashop.contracts.order.SagaStep;
import io.sagashop.contracts.order.StepStatus;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;

/**
 * The undo of each step, registered right before the step (so a step that timed out after
 * succeeding is still undone), run in reverse order when the saga ends.
 *
 * <p>
 * Not Temporal's {@code io.temporal.workflow.Saga}: it knows undo functions, not steps,
 * while the saga view shows each step compensating and compensated, an undo of a step
 * that failed must leave it FAILED, and a failed undo marks its own step. Wrapped for all
 * that, it would only keep the reverse loop, and it runs each undo on a workflow thread
 * of its own.
 */
final class Compensations {

    private static final Logger log = Workflow.getLogger(OrderWorkflowImpl.class);

    private final SagaSteps steps;

    private final UUID orderId;

    private final List<Compensation> registered = new ArrayList<>();

    Compensations(SagaSteps steps, UUID orderId) {
        this.steps = steps;
        this.orderId = orderId;
    }

    /**
     * @param undo an activity that retries until it succeeds
     */
    void register(SagaStep step, Runnable undo) {
        registered.add(new Compensation(step, undo));
    }

    /**
     * Runs every undo, newest first. One that fails anyway (a bug) does not stop the
     * others; the first such failure then fails the run.
     */
    void runAll() {
        ActivityFailure firstFailure = null;
        for (Compensation compensation : registered.reversed()) {
            SagaStep step = compensation.step();
            // A step that failed keeps FAILED: its compensation only makes sure nothing
            // of it is left behind.
            boolean undoesDoneStep = steps.status(step) == StepStatus.DONE;
            if (undoesDoneStep) {
                steps.compensating(step);
            }
            try {
                compensation.undo().run();
                if (undoesDoneStep) {
                    steps.compensated(step);
                }
            }
            catch (ActivityFailure failure) {
                log.error("Compensation of {} for order {} failed", step, orderId, failure);
                steps.failed(step, "Undo failed: " + StepFailures.message(failure));
                if (firstFailure == null) {
                    firstFailure = failure;
                }
            }
        }
        if (firstFailure != null) {
            throw ApplicationFailure.newNonRetryableFailureWithCause(
                    "A compensation of order " + orderId + " failed; the order may be left partly done",
                    COMPENSATION_FAILED, firstFailure);
        }
    }

    private record Compensation(SagaStep step, Runnable undo) {
    }

}
