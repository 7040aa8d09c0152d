package io.sagashop.worker.saga;

import io.sagashop.contracts.order.OrderWorkflow;
import io.sagashop.contracts.order.OrderWorkflows;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Histories recorded from this worker on a real Temporal dev server replay against the
 * current workflow code: a change that would break runs in flight fails here. The
 * confirmed, declined and flaky-then-confirmed runs come from the system tests (which
 * write fresh recordings to system-tests/target/histories); the approval and out-of-stock
 * runs were recorded against stand-ins for the services, the order-id-taken run on the
 * in-process test server before that path got the version
 * {@code create-order-refusal-ends-truthfully}.
 */
class OrderWorkflowReplayTest {

    @ParameterizedTest
    @ValueSource(
            strings = { "histories/confirmed.json", "histories/declined.json", "histories/flaky-then-confirmed.json",
                    "histories/approved-large-order.json", "histories/out-of-stock-order.json",
                    "histories/shopper-cancelled-while-awaiting-approval.json", "histories/order-id-taken.json" })
    void recordedRunReplaysEvenAfterTheApprovalSettingsChanged(String history) throws Exception {
        SagaProperties defaults = TestSagaProperties.create();
        // Far from what the runs were recorded with: they replay with the values captured
        // in their history.
        SagaProperties changed = new SagaProperties(new SagaProperties.Approval(10_000_000, Duration.ofMinutes(5)),
                defaults.activities());
        try (TestWorkflowEnvironment testEnvironment = TestWorkflowEnvironment.newInstance()) {
            Worker worker = testEnvironment.newWorker(OrderWorkflows.TASK_QUEUE);
            worker.registerWorkflowImplementationFactory(OrderWorkflow.class, () -> new OrderWorkflowImpl(changed));
            WorkflowReplayer.replayWorkflowExecutionFromResource(history, worker);
        }
    }

}
