package io.sagashop.worker.saga;

import static io.sagashop.contracts.order.OrderFailureTypes.ORDER_ID_TAKEN;
import static io.sagashop.contracts.order.OrderFailureTypes.RUN_CANCELLED;
import static io.sagashop.worker.saga.ServiceText.sendable;
import static io.sagashop.worker.saga.ServiceText.storable;

import io.sagashop.contracts.order.ApprovalDecision;
import io.sagashop.contracts.order.CancelOrder;
import io.sagashop.contracts.order.OrderOutcome;
import io.sagashop.contracts.order.OrderSearchAttributes;
import io.sagashop.contracts.order.OrderStatus;
import io.sagashop.contracts.order.OrderWorkflow;
import io.sagashop.contracts.order.OrderWorkflows;
import io.sagashop.contracts.order.PlaceOrder;
import io.sagashop.contracts.order.SagaState;
import io.sagashop.contracts.order.SagaStep;
import io.sagashop.worker.customer.CustomerActivities;
import io.sagashop.worker.inventory.InventoryActivities;
import io.sagashop.worker.inventory.Reservation;
import io.sagashop.worker.notification.Notification;
import io.sagashop.worker.notification.NotificationKind;
import io.sagashop.worker.order.OrderActivities;
import io.sagashop.worker.order.OrderConfirmation;
import io.sagashop.worker.order.RecordedOrder;
import io.sagashop.worker.payment.Charge;
import io.sagashop.worker.payment.PaymentActivities;
import io.temporal.failure.CanceledFailure;
import io.temporal.spring.boot.WorkflowImpl;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;

/**
 * The order saga, step by step as in README's table. Each compensation is registered
 * right before the step it undoes; a step that ends the saga throws a
 * {@link SagaCancelled} (the run returns a CANCELLED outcome) or a {@link SagaBroken}
 * (compensated the same way, then the run fails). Workflow code: no I/O, clocks,
 * randomness or threads; everything that touches the world is an activity.
 */
@WorkflowImpl(taskQueues = OrderWorkflows.TASK_QUEUE)
public class OrderWorkflowImpl implements OrderWorkflow {

    static final String STOPPED_BY_OPERATOR = "Stopped by an operator";

    /**
     * Runs recorded before it failed on a taken order id without a word in the saga view
     * or the search attributes.
     */
    static final String NOT_PLACED_ENDS_TRUTHFULLY = "create-order-refusal-ends-truthfully";

    /**
     * Runs recorded before it told the shopper that the order waits for an operator. A
     * version marker rather than worker versioning (Build IDs, worker deployments): the
     * shop runs one worker deployment, an order may wait days for its approval, so a run
     * started on the old code must go on on the new worker rather than keep an old one
     * alive, and the marker needs nothing of the server (the dev server included).
     */
    static final String TELLS_OF_APPROVAL_WAIT = "approval-pending-notification";

    /**
     * The shopper's time zone is unknown to the saga: the deadline is given in UTC, to
     * the minute (rounded down, so the order surely still waits then).
     */
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
        .withZone(ZoneOffset.UTC);

    private static final Logger log = Workflow.getLogger(OrderWorkflowImpl.class);

    private final SagaActivities activities;

    private final SagaProperties.Approval configuredApproval;

    private final SagaSteps steps = new SagaSteps();

    private PlaceOrder order;

    private StepRunner runner;

    private Compensations compensations;

    /**
     * The notice that the order waits for approval, while it is being sent; else null.
     */
    private Promise<Void> approvalNotice;

    private final OrderProgress progress = new OrderProgress();

    private final OrderRequests requests = new OrderRequests(progress, steps);

    public OrderWorkflowImpl(SagaProperties properties) {
        this.activities = new SagaActivities(properties.activities());
        this.configuredApproval = properties.approval();
    }

    @Override
    public OrderOutcome placeOrder(PlaceOrder order) {
        this.order = order;
        this.runner = new StepRunner(steps, order.orderId());
        this.compensations = new Compensations(steps, order.orderId());
        // Recorded in the run's history: a configuration change must not change the
        // branches of runs in flight.
        SagaProperties.Approval approvalRule = Workflow.sideEffect(SagaProperties.Approval.class,
                () -> configuredApproval);
        Workflow.upsertTypedSearchAttributes(OrderSearchAttributes.CUSTOMER_ID.valueSet(order.customerId().toString()),
                OrderSearchAttributes.ORDER_STATUS.valueSet(progress.status().name()));
        try {
            RecordedOrder recorded = createOrder();
            // Null: the order is new (and runs recorded before createOrder answered
            // anything always proceed).
            if (recorded != null && recorded.status().isFinal()) {
                progress.foundEnded(orderId(), recorded, steps);
                return outcome();
            }
            reserveStock();
            checkCustomer();
            awaitApprovalIfAbove(approvalRule);
            chargePayment();
            confirmOrder();
        }
        catch (SagaCancelled cancelled) {
            return end(cancelled);
        }
        catch (SagaBroken broken) {
            end(broken);
            throw broken.failure();
        }
        catch (CanceledFailure runCancelled) {
            // A step may be waiting (for an approval) rather than calling an activity: it
            // will never finish now.
            requests.stopAwaitingDecision();
            steps.failRunning(STOPPED_BY_OPERATOR);
            end(new SagaCancelled(RUN_CANCELLED, "The order was stopped by an operator"));
            throw runCancelled;
        }
        notifyShopper(NotificationKind.ORDER_CONFIRMED,
                "Your order " + shortOrderId() + " is confirmed; " + money() + " was charged.");
        return outcome();
    }

    private RecordedOrder createOrder() {
        compensations.register(SagaStep.CREATE_ORDER,
                () -> activities.compensate(OrderActivities.class, "Undo: cancel the order")
                    .cancelOrder(orderId(), progress.cancelReason()));
        try {
            return runner.call(SagaStep.CREATE_ORDER, OrderActivities.REFUSALS,
                    () -> activities.createOrder("Create the order of " + lineCount()).createOrder(order));
        }
        catch (SagaBroken broken) {
            if (!ORDER_ID_TAKEN.equals(broken.failureType())) {
                throw broken;
            }
            // The id already holds the order of another request (a key reused with
            // another cart after the retention dropped the first run): that order is not
            // this run's to undo or to notify about.
            log.error("Order {} exists with other content; failing without touching it", orderId());
            if (Workflow.getVersion(NOT_PLACED_ENDS_TRUTHFULLY, Workflow.DEFAULT_VERSION, 1) == 1) {
                progress.notPlaced(orderId(), steps);
            }
            else {
                progress.failed(broken.failureType());
            }
            throw broken.failure();
        }
    }

    private void reserveStock() {
        requests.stopIfShopperCancelled();
        compensations.register(SagaStep.RESERVE_STOCK,
                () -> activities.compensate(InventoryActivities.class, "Undo: release the reserved stock")
                    .releaseReservation(orderId()));
        Reservation reservation = runner.call(SagaStep.RESERVE_STOCK, InventoryActivities.REFUSALS,
                () -> activities.reserveStock("Reserve " + lineCount()).reserveStock(orderId(), order.lines()));
        progress.priced(reservation);
    }

    private void checkCustomer() {
        requests.stopIfShopperCancelled();
        runner.run(SagaStep.CHECK_CUSTOMER, CustomerActivities.REFUSALS,
                () -> activities.checkCustomer("Check the customer may spend " + money())
                    .checkCustomer(order.customerId(), progress.totalCents(), progress.currency()));
    }

    private void awaitApprovalIfAbove(SagaProperties.Approval rule) {
        StepRunner.stopIfRunCancelled(SagaStep.AWAIT_APPROVAL);
        requests.stopIfShopperCancelled();
        if (progress.totalCents() <= rule.thresholdCents()) {
            steps.skipped(SagaStep.AWAIT_APPROVAL);
            return;
        }
        steps.running(SagaStep.AWAIT_APPROVAL);
        String reason = "The total of " + money() + " is above the approval threshold of "
                + Money.format(rule.thresholdCents(), progress.currency());
        runner.invoke(SagaStep.AWAIT_APPROVAL, OrderActivities.REFUSALS,
                () -> activities.awaitApproval("Ask an operator to approve " + money())
                    .awaitApproval(orderId(), storable(reason)));
        progress.changeStatus(OrderStatus.AWAITING_APPROVAL);
        // Workflow time, so a replay computes the same deadline; the saga view shows it.
        progress.awaitsApprovalUntil(Instant.ofEpochMilli(Workflow.currentTimeMillis()).plus(rule.timeout()));
        if (Workflow.getVersion(TELLS_OF_APPROVAL_WAIT, Workflow.DEFAULT_VERSION, 1) == 1) {
            tellOfApprovalWait(progress.approvalDeadline());
        }
        requests.awaitDecision(rule.timeout(), money());
        steps.done(SagaStep.AWAIT_APPROVAL);
    }

    /**
     * Sent beside the wait, not before it: the timer starts in this workflow task, and an
     * operator's decision or the shopper's cancel is taken while notification-service is
     * slow or down. Its retries are bounded (the notify-shopper settings), and the final
     * notification waits for it, so the shopper never reads that the order waits after
     * reading how it ended.
     */
    private void tellOfApprovalWait(Instant deadline) {
        Notification notice = new Notification(order.customerId(), NotificationKind.APPROVAL_PENDING,
                sendable("Your order " + shortOrderId() + " of " + money() + " waits for an operator's approval until "
                        + DEADLINE.format(deadline) + "; without one by then it is cancelled."));
        approvalNotice = runner.tryStarted("tell the shopper the order waits for approval",
                Async.procedure(
                        activities.notifyShopper("Tell the shopper the order waits for approval")::notifyShopper,
                        orderId(), notice));
    }

    private void chargePayment() {
        requests.stopIfShopperCancelled();
        compensations.register(SagaStep.CHARGE_PAYMENT,
                () -> activities.compensate(PaymentActivities.class, "Undo: refund " + money())
                    .refundPayment(orderId()));
        UUID paymentId = runner.call(SagaStep.CHARGE_PAYMENT, PaymentActivities.REFUSALS, () -> activities
            .chargePayment("Charge " + money())
            .chargePayment(orderId(),
                    new Charge(order.customerId(), progress.totalCents(), progress.currency(), order.paymentToken())));
        progress.paid(paymentId);
    }

    private void confirmOrder() {
        runner.run(SagaStep.CONFIRM_ORDER, OrderActivities.REFUSALS,
                () -> activities.confirmOrder("Confirm the order of " + money())
                    .confirmOrder(orderId(), new OrderConfirmation(progress.reservationId(), progress.paymentId(),
                            progress.totalCents(), progress.currency())));
        progress.changeStatus(OrderStatus.CONFIRMED);
    }

    private void notifyShopper(NotificationKind kind, String message) {
        String summary = kind == NotificationKind.ORDER_CONFIRMED ? "Tell the shopper the order is confirmed"
                : "Tell the shopper the order is cancelled";
        if (approvalNotice != null) {
            // Never fails; cancelled at once with the run.
            approvalNotice.get();
        }
        // The order stands as it is: a notification that could not be sent never undoes
        // it.
        runner.tryRun(SagaStep.NOTIFY_SHOPPER, () -> activities.notifyShopper(summary)
            .notifyShopper(orderId(), new Notification(order.customerId(), kind, sendable(message))));
    }

    /** Undoes what the saga did, cancels the order and tells the shopper why. */
    private OrderOutcome end(SagaEnding ending) {
        String type = ending.failureType();
        String reason = ending.reason() == null ? "" : sendable(ending.reason());
        // The order service needs a reason; a failure may come without a message.
        String cancelReason = storable(reason.isBlank() ? "Cancelled (" + type + ")" : reason);
        progress.ending(type, cancelReason);
        log.info("Order {} ends as cancelled, {}: {}", orderId(), type, cancelReason);
        steps.skipPendingExcept(SagaStep.NOTIFY_SHOPPER);
        // Detached: the order is undone even when the run itself is being cancelled.
        Workflow.newDetachedCancellationScope(() -> {
            compensations.runAll();
            progress.changeStatus(OrderStatus.CANCELLED);
            notifyShopper(NotificationKind.ORDER_CANCELLED,
                    "Your order " + shortOrderId() + " was cancelled: " + cancelReason);
        }).run();
        return outcome();
    }

    @Override
    public SagaState sagaState() {
        return progress.sagaState(order, steps);
    }

    @Override
    public void validateCancel(CancelOrder request) {
        requests.validateCancel();
    }

    @Override
    public SagaState cancel(CancelOrder request) {
        requests.cancel(request);
        return sagaState();
    }

    @Override
    public void validateApprove(ApprovalDecision decision) {
        requests.validateDecision(decision);
    }

    @Override
    public SagaState approve(ApprovalDecision decision) {
        requests.decide(decision, true);
        return sagaState();
    }

    @Override
    public void validateReject(ApprovalDecision decision) {
        requests.validateDecision(decision);
    }

    @Override
    public SagaState reject(ApprovalDecision decision) {
        requests.decide(decision, false);
        return sagaState();
    }

    private OrderOutcome outcome() {
        return progress.outcome(orderId());
    }

    private UUID orderId() {
        return order.orderId();
    }

    private String shortOrderId() {
        return orderId().toString().substring(0, 8);
    }

    private String money() {
        return progress.money();
    }

    private String lineCount() {
        int lines = order.lines().size();
        return lines == 1 ? "1 line" : lines + " lines";
    }

}
