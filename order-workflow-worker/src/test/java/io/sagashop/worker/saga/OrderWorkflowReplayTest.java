package io.sagashop.worker.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.contracts.order.OrderWorkflow;
import io.sagashop.contracts.order.OrderWorkflows;
import io.sagashop.worker.notification.Notification;
import io.sagashop.worker.notification.NotificationKind;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptorBase;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Histories recorded from this worker on a real Temporal dev server replay against the
 * current workflow code: a change that would break runs in flight fails here. The
 * confirmed, declined, flaky-then-confirmed and the two *-notified approval runs come
 * from the system tests (which write fresh recordings to system-tests/target/histories);
 * the other approval and out-of-stock runs were recorded against stand-ins for the
 * services, the order-id-taken run on the in-process test server before that path got the
 * version {@code create-order-refusal-ends-truthfully}. Every approval run without
 * "-notified" was recorded before the version {@code approval-pending-notification}: keep
 * them until no run started before it can still be open.
 */
class OrderWorkflowReplayTest {

    @ParameterizedTest
    @ValueSource(strings = { "histories/confirmed.json", "histories/declined.json",
            "histories/flaky-then-confirmed.json", "histories/approved-large-order.json",
            "histories/out-of-stock-order.json", "histories/shopper-cancelled-while-awaiting-approval.json",
            "histories/order-id-taken.json", "histories/approved-large-order-notified.json",
            "histories/shopper-cancelled-while-awaiting-approval-notified.json" })
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

    /**
     * A run keeps the branch it was recorded on: the notifications the workflow code
     * sends as it replays, the runs before {@code approval-pending-notification} without
     * the notice that the order waits, the runs after it with the notice first.
     */
    @ParameterizedTest
    @CsvSource({ "histories/approved-large-order.json, ORDER_CONFIRMED",
            "histories/shopper-cancelled-while-awaiting-approval.json, ORDER_CANCELLED",
            "histories/approved-large-order-notified.json, APPROVAL_PENDING ORDER_CONFIRMED",
            "histories/shopper-cancelled-while-awaiting-approval-notified.json, APPROVAL_PENDING ORDER_CANCELLED" })
    void recordedApprovalRunSendsTheNotificationsOfItsBranch(String history, String kinds) throws Exception {
        NotificationsSent sent = new NotificationsSent();
        try (TestWorkflowEnvironment testEnvironment = TestWorkflowEnvironment
            .newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder().setWorkerInterceptors(sent).build())
                .build())) {
            Worker worker = testEnvironment.newWorker(OrderWorkflows.TASK_QUEUE);
            worker.registerWorkflowImplementationFactory(OrderWorkflow.class,
                    () -> new OrderWorkflowImpl(TestSagaProperties.create()));
            WorkflowReplayer.replayWorkflowExecutionFromResource(history, worker);
        }

        assertThat(sent.kinds())
            .containsExactlyElementsOf(Arrays.stream(kinds.split(" ")).map(NotificationKind::valueOf).toList());
    }

    /** The kinds of the notifications the workflow code asks for, replayed or not. */
    private static final class NotificationsSent extends WorkerInterceptorBase {

        private final List<NotificationKind> kinds = new CopyOnWriteArrayList<>();

        List<NotificationKind> kinds() {
            return kinds;
        }

        @Override
        public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
            return new WorkflowInboundCallsInterceptorBase(next) {

                @Override
                public void init(WorkflowOutboundCallsInterceptor outboundCalls) {
                    super.init(new WorkflowOutboundCallsInterceptorBase(outboundCalls) {

                        @Override
                        public <R> ActivityOutput<R> executeActivity(ActivityInput<R> input) {
                            if (input.getArgs().length == 2
                                    && input.getArgs()[1] instanceof Notification notification) {
                                kinds.add(notification.kind());
                            }
                            return super.executeActivity(input);
                        }

                    });
                }

            };
        }

    }

}
