package io.sagashop.worker.saga;

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
import io.sagashop.contracts.order.StepStatus;
import io.sagashop.worker.customer.CustomerActivities;
import io.sagashop.worker.inventory.InventoryActivities;
import io.sagashop.worker.inventory.Reservation;
import io.sagashop.worker.notification.Notification;
import io.sagashop.worker.notification.NotificationActivities;
import io.sagashop.worker.notification.NotificationKind;
import io.sagashop.worker.order.OrderActivities;
import io.sagashop.worker.order.OrderConfirmation;
import io.sagashop.worker.payment.Charge;
import io.sagashop.worker.payment.PaymentActivities;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.spring.boot.WorkflowImpl;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The order saga. Steps run in {@link SagaStep} order; each compensation is registered right before the step it
 * undoes, so a step that timed out after succeeding is still undone. A business failure, a spent retry budget, an
 * operator's rejection, a missing approval or the shopper's cancellation ends the saga: the registered
 * compensations run in reverse order, the shopper is told why, and the run returns a CANCELLED outcome carrying the
 * failure's type. Any other failure is compensated the same way and then fails the run, so it is never mistaken
 * for a cancelled order.
 *
 * <p>Workflow code: no I/O, clocks, randomness or threads here; everything that touches the world is an activity.
 */
@WorkflowImpl(taskQueues = OrderWorkflows.TASK_QUEUE)
public class OrderWorkflowImpl implements OrderWorkflow {

    /** Failure types of the saga's own endings, beside those the services answer. */
    static final String CANCELLED_BY_SHOPPER = "cancelled-by-shopper";
    static final String APPROVAL_REJECTED = "approval-rejected";
    static final String APPROVAL_TIMED_OUT = "approval-timed-out";
    static final String PAYMENT_UNAVAILABLE = "payment-unavailable";
    static final String SERVICE_UNAVAILABLE = "service-unavailable";
    static final String RUN_CANCELLED = "run-cancelled";
    static final String COMPENSATION_FAILED = "compensation-failed";
    static final String DEFAULT_SHOPPER_REASON = "Cancelled by the shopper";

    private static final Set<String> NO_BUSINESS_FAILURES = Set.of();
    private static final Set<String> STOCK_FAILURES = Set.of("unknown-sku", "out-of-stock");
    private static final Set<String> CUSTOMER_FAILURES =
            Set.of("unknown-customer", "customer-blocked", "credit-limit-exceeded");
    private static final Set<String> PAYMENT_FAILURES = Set.of("card-declined", "insufficient-funds");
    /** The order service keeps cancel reasons of up to 500 characters. */
    private static final int MAX_REASON_LENGTH = 500;

    private static final Logger log = Workflow.getLogger(OrderWorkflowImpl.class);

    private final SagaProperties.Activities activities;
    private final SagaProperties.Approval configuredApproval;
    private final SagaSteps steps = new SagaSteps();
    private final List<Compensation> compensations = new ArrayList<>();

    private PlaceOrder order;
    private OrderStatus orderStatus = OrderStatus.PENDING;
    private long totalCents;
    private String currency;
    private UUID reservationId;
    private UUID paymentId;
    private String cancelReason;
    private String failureType;
    private boolean ending;
    private String shopperCancelReason;
    private boolean waitingForApproval;
    private ApprovalDecision decision;
    private boolean approved;

    public OrderWorkflowImpl(SagaProperties properties) {
        this.activities = properties.activities();
        this.configuredApproval = properties.approval();
    }

    @Override
    public OrderOutcome placeOrder(PlaceOrder order) {
        this.order = order;
        // Recorded in the run's history: a configuration change must not change the branches of runs in flight.
        SagaProperties.Approval approval =
                Workflow.sideEffect(SagaProperties.Approval.class, () -> configuredApproval);
        Workflow.upsertTypedSearchAttributes(
                OrderSearchAttributes.CUSTOMER_ID.valueSet(order.customerId().toString()),
                OrderSearchAttributes.ORDER_STATUS.valueSet(orderStatus.name()));
        try {
            createOrder();
            reserveStock();
            checkCustomer();
            awaitApprovalIfAbove(approval);
            chargePayment();
            confirmOrder();
        } catch (SagaEnded ended) {
            OrderOutcome outcome = end(ended);
            if (ended.failure != null) {
                throw ended.failure;
            }
            return outcome;
        } catch (CanceledFailure runCancelled) {
            end(new SagaEnded(RUN_CANCELLED, "The order was stopped by an operator", null));
            throw runCancelled;
        }
        notifyShopper(NotificationKind.ORDER_CONFIRMED,
                "Your order " + shortOrderId() + " is confirmed; " + money() + " was charged.");
        return outcome();
    }

    private void createOrder() {
        compensations.add(new Compensation(SagaStep.CREATE_ORDER, () ->
                stub(OrderActivities.class, activities.compensate(), "Undo: cancel the order")
                        .cancelOrder(orderId(), cancelReason)));
        run(SagaStep.CREATE_ORDER, NO_BUSINESS_FAILURES, () ->
                stub(OrderActivities.class, activities.createOrder(), "Create the order of " + lineCount())
                        .createOrder(order));
    }

    private void reserveStock() {
        stopIfShopperCancelled();
        compensations.add(new Compensation(SagaStep.RESERVE_STOCK, () ->
                stub(InventoryActivities.class, activities.compensate(), "Undo: release the reserved stock")
                        .releaseReservation(orderId())));
        Reservation reservation = call(SagaStep.RESERVE_STOCK, STOCK_FAILURES, () ->
                stub(InventoryActivities.class, activities.reserveStock(), "Reserve " + lineCount())
                        .reserveStock(orderId(), order.lines()));
        reservationId = reservation.reservationId();
        totalCents = reservation.totalCents();
        currency = reservation.currency();
        Workflow.upsertTypedSearchAttributes(OrderSearchAttributes.ORDER_TOTAL_CENTS.valueSet(totalCents));
    }

    private void checkCustomer() {
        stopIfShopperCancelled();
        run(SagaStep.CHECK_CUSTOMER, CUSTOMER_FAILURES, () ->
                stub(CustomerActivities.class, activities.checkCustomer(), "Check the customer may spend " + money())
                        .checkCustomer(order.customerId(), totalCents, currency));
    }

    private void awaitApprovalIfAbove(SagaProperties.Approval approval) {
        stopIfShopperCancelled();
        if (totalCents <= approval.thresholdCents()) {
            steps.skipped(SagaStep.AWAIT_APPROVAL);
            return;
        }
        steps.running(SagaStep.AWAIT_APPROVAL);
        String reason = "The total of " + money() + " is above the approval threshold of "
                + Money.format(approval.thresholdCents(), currency);
        invoke(SagaStep.AWAIT_APPROVAL, NO_BUSINESS_FAILURES, () -> {
            stub(OrderActivities.class, activities.awaitApproval(), "Ask an operator to approve " + money())
                    .awaitApproval(orderId(), reason);
            return null;
        });
        changeOrderStatus(OrderStatus.AWAITING_APPROVAL);
        waitingForApproval = true;
        Workflow.setCurrentDetails("Waiting up to " + humanized(approval.timeout()) + " for an operator to approve "
                + money());
        boolean decided = Workflow.await(approval.timeout(), () -> decision != null || shopperCancelReason != null);
        waitingForApproval = false;
        if (shopperCancelReason != null) {
            Workflow.setCurrentDetails("Cancelled by the shopper while waiting for approval");
            steps.failed(SagaStep.AWAIT_APPROVAL, "Cancelled by the shopper while waiting for approval");
            throw new SagaEnded(CANCELLED_BY_SHOPPER, shopperCancelReason, null);
        }
        if (!decided) {
            String timedOut = "No operator approved the order within " + humanized(approval.timeout());
            Workflow.setCurrentDetails(timedOut);
            steps.failed(SagaStep.AWAIT_APPROVAL, timedOut);
            throw new SagaEnded(APPROVAL_TIMED_OUT, timedOut, null);
        }
        String decisionText = (approved ? "Approved by " : "Rejected by ") + decision.operator()
                + (decision.comment() == null || decision.comment().isBlank() ? "" : ": " + decision.comment());
        Workflow.setCurrentDetails(decisionText);
        if (!approved) {
            steps.failed(SagaStep.AWAIT_APPROVAL, decisionText);
            throw new SagaEnded(APPROVAL_REJECTED, decisionText, null);
        }
        steps.done(SagaStep.AWAIT_APPROVAL);
    }

    private void chargePayment() {
        stopIfShopperCancelled();
        compensations.add(new Compensation(SagaStep.CHARGE_PAYMENT, () ->
                stub(PaymentActivities.class, activities.compensate(), "Undo: refund " + money())
                        .refundPayment(orderId())));
        paymentId = call(SagaStep.CHARGE_PAYMENT, PAYMENT_FAILURES, () ->
                stub(PaymentActivities.class, activities.chargePayment(), "Charge " + money())
                        .chargePayment(orderId(), new Charge(order.customerId(), totalCents, currency,
                                order.paymentToken())));
    }

    private void confirmOrder() {
        run(SagaStep.CONFIRM_ORDER, NO_BUSINESS_FAILURES, () ->
                stub(OrderActivities.class, activities.confirmOrder(), "Confirm the order of " + money())
                        .confirmOrder(orderId(), new OrderConfirmation(reservationId, paymentId, totalCents,
                                currency)));
        changeOrderStatus(OrderStatus.CONFIRMED);
    }

    private void notifyShopper(NotificationKind kind, String message) {
        steps.running(SagaStep.NOTIFY_SHOPPER);
        String summary = kind == NotificationKind.ORDER_CONFIRMED
                ? "Tell the shopper the order is confirmed" : "Tell the shopper the order is cancelled";
        try {
            stub(NotificationActivities.class, activities.notifyShopper(), summary)
                    .notifyShopper(orderId(), new Notification(order.customerId(), kind, message));
            steps.done(SagaStep.NOTIFY_SHOPPER);
        } catch (ActivityFailure failure) {
            // The order stands as it is: a notification that could not be sent never undoes it.
            log.warn("Could not notify the shopper of order {} ({}): {}", orderId(), kind, failureMessage(failure));
            steps.failed(SagaStep.NOTIFY_SHOPPER, failureMessage(failure));
        }
    }

    private OrderOutcome end(SagaEnded ended) {
        ending = true;
        failureType = ended.failureType;
        String reason = ended.getMessage();
        // The order service needs a reason; a failure may come without a message.
        cancelReason = abbreviated(reason == null || reason.isBlank() ? "Cancelled (" + failureType + ")" : reason);
        log.info("Order {} ends as cancelled, {}: {}", orderId(), failureType, cancelReason);
        steps.skipPendingExcept(SagaStep.NOTIFY_SHOPPER);
        // Detached: the order is undone even when the run itself is being cancelled.
        Workflow.newDetachedCancellationScope(() -> {
            compensate();
            changeOrderStatus(OrderStatus.CANCELLED);
            notifyShopper(NotificationKind.ORDER_CANCELLED,
                    "Your order " + shortOrderId() + " was cancelled: " + cancelReason);
        }).run();
        return outcome();
    }

    private void compensate() {
        ActivityFailure firstFailure = null;
        for (Compensation compensation : compensations.reversed()) {
            SagaStep step = compensation.step();
            // A step that failed keeps FAILED: its compensation only makes sure nothing of it is left behind.
            boolean undoesDoneStep = steps.status(step) == StepStatus.DONE;
            if (undoesDoneStep) {
                steps.compensating(step);
            }
            try {
                compensation.undo().run();
                if (undoesDoneStep) {
                    steps.compensated(step);
                }
            } catch (ActivityFailure failure) {
                // Compensations retry until they succeed, so this means a bug; the other compensations still run.
                log.error("Compensation of {} for order {} failed", step, orderId(), failure);
                steps.failed(step, "Undo failed: " + failureMessage(failure));
                if (firstFailure == null) {
                    firstFailure = failure;
                }
            }
        }
        if (firstFailure != null) {
            throw ApplicationFailure.newNonRetryableFailureWithCause("A compensation of order " + orderId()
                    + " failed; the order may be left partly done", COMPENSATION_FAILED, firstFailure);
        }
    }

    @Override
    public SagaState sagaState() {
        return new SagaState(order != null ? order.orderId() : null, order != null ? order.customerId() : null,
                orderStatus, totalCents, currency, steps.snapshot(), cancelReason, failureType);
    }

    @Override
    public void validateCancel(CancelOrder request) {
        if (orderStatus.isFinal()) {
            throw new IllegalStateException("The order is already " + orderStatus.name().toLowerCase(Locale.ROOT)
                    + " and can no longer be cancelled");
        }
        if (ending) {
            throw new IllegalStateException("The order is already being cancelled: " + cancelReason);
        }
        if (steps.hasStarted(SagaStep.CHARGE_PAYMENT)) {
            throw new IllegalStateException("The order is being paid for and can no longer be cancelled");
        }
    }

    @Override
    public SagaState cancel(CancelOrder request) {
        if (shopperCancelReason == null) {
            String reason = request == null || request.reason() == null || request.reason().isBlank()
                    ? DEFAULT_SHOPPER_REASON : request.reason().strip();
            shopperCancelReason = abbreviated(reason);
            // The run's id (order-<orderId>) is in every workflow log line; the order may not have started yet.
            log.info("The shopper cancels the order: {}", shopperCancelReason);
        }
        return sagaState();
    }

    @Override
    public void validateApprove(ApprovalDecision decision) {
        requireDecisionPossible(decision);
    }

    @Override
    public SagaState approve(ApprovalDecision decision) {
        this.decision = decision;
        this.approved = true;
        return sagaState();
    }

    @Override
    public void validateReject(ApprovalDecision decision) {
        requireDecisionPossible(decision);
    }

    @Override
    public SagaState reject(ApprovalDecision decision) {
        this.decision = decision;
        this.approved = false;
        return sagaState();
    }

    private void requireDecisionPossible(ApprovalDecision candidate) {
        if (candidate == null || candidate.operator() == null || candidate.operator().isBlank()) {
            throw new IllegalArgumentException("A decision needs the operator's name");
        }
        if (decision != null) {
            throw new IllegalStateException("The order was already " + (approved ? "approved" : "rejected")
                    + " by " + decision.operator());
        }
        if (shopperCancelReason != null) {
            throw new IllegalStateException("The shopper cancelled the order");
        }
        if (!waitingForApproval) {
            throw new IllegalStateException("The order is not waiting for approval (status "
                    + orderStatus.name().toLowerCase(Locale.ROOT) + ")");
        }
    }

    private void run(SagaStep step, Set<String> businessFailures, Runnable activity) {
        call(step, businessFailures, () -> {
            activity.run();
            return null;
        });
    }

    private <T> T call(SagaStep step, Set<String> businessFailures, Supplier<T> activity) {
        steps.running(step);
        T result = invoke(step, businessFailures, activity);
        steps.done(step);
        return result;
    }

    private <T> T invoke(SagaStep step, Set<String> businessFailures, Supplier<T> activity) {
        try {
            return activity.get();
        } catch (ActivityFailure failure) {
            throw stepFailed(step, businessFailures, failure);
        }
    }

    /** What a failed step means for the saga: the exception that ends it (or the run's cancellation). */
    private RuntimeException stepFailed(SagaStep step, Set<String> businessFailures, ActivityFailure failure) {
        String type = failureType(failure);
        String message = failureMessage(failure);
        steps.failed(step, message);
        if (CancellationScope.current().isCancelRequested()) {
            return new CanceledFailure("The order's run was cancelled during " + step);
        }
        RetryState retryState = failure.getRetryState();
        if (retryState == RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE && businessFailures.contains(type)) {
            return new SagaEnded(type, message, null);
        }
        if (retryState == RetryState.RETRY_STATE_TIMEOUT
                || retryState == RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED) {
            // The step's retry budget (configuration) is spent: the order does not wait any longer.
            return step == SagaStep.CHARGE_PAYMENT
                    ? new SagaEnded(PAYMENT_UNAVAILABLE,
                            "The payment provider was unavailable, so nothing was charged", null)
                    : new SagaEnded(SERVICE_UNAVAILABLE, "A service the order needs was unavailable", null);
        }
        // Neither a business answer nor an outage: a bug or a broken contract. Undo, then fail the run loudly.
        log.error("Step {} of order {} failed unexpectedly ({}): {}", step, orderId(), type, message);
        return new SagaEnded(type, "The order could not be completed because of an unexpected error",
                ApplicationFailure.newNonRetryableFailureWithCause("Step " + step + " of order " + orderId()
                        + " failed unexpectedly (" + message + "); completed steps were compensated", type, failure));
    }

    private void stopIfShopperCancelled() {
        if (shopperCancelReason != null) {
            throw new SagaEnded(CANCELLED_BY_SHOPPER, shopperCancelReason, null);
        }
    }

    private void changeOrderStatus(OrderStatus status) {
        orderStatus = status;
        Workflow.upsertTypedSearchAttributes(OrderSearchAttributes.ORDER_STATUS.valueSet(status.name()));
    }

    private OrderOutcome outcome() {
        return new OrderOutcome(orderId(), orderStatus, totalCents, currency, reservationId, paymentId,
                cancelReason, failureType);
    }

    private UUID orderId() {
        return order.orderId();
    }

    private String shortOrderId() {
        return orderId().toString().substring(0, 8);
    }

    private String money() {
        return Money.format(totalCents, currency);
    }

    private String lineCount() {
        int lines = order.lines().size();
        return lines == 1 ? "1 line" : lines + " lines";
    }

    private static <A> A stub(Class<A> activitiesType, ActivitySettings settings, String summary) {
        return Workflow.newActivityStub(activitiesType, settings.toActivityOptions(summary));
    }

    private static ApplicationFailure applicationFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApplicationFailure applicationFailure) {
                return applicationFailure;
            }
        }
        return null;
    }

    private static String failureType(ActivityFailure failure) {
        ApplicationFailure cause = applicationFailure(failure);
        if (cause != null) {
            return cause.getType();
        }
        return failure.getCause() != null ? failure.getCause().getClass().getSimpleName() : "unknown";
    }

    private static String failureMessage(ActivityFailure failure) {
        ApplicationFailure cause = applicationFailure(failure);
        if (cause != null) {
            return cause.getOriginalMessage();
        }
        return failure.getCause() instanceof TemporalFailure temporalFailure
                ? temporalFailure.getOriginalMessage() : failure.getOriginalMessage();
    }

    private static String abbreviated(String reason) {
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }

    private static String humanized(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /** Undoes a step; the activity behind it retries until it succeeds. */
    private record Compensation(SagaStep step, Runnable undo) {
    }

    /**
     * Ends the saga with a failure type and the reason the shopper is given.
     *
     * @param failure when set, the run fails with it after compensating (for failures nobody planned for)
     */
    private static final class SagaEnded extends RuntimeException {

        private final String failureType;
        private final TemporalFailure failure;

        SagaEnded(String failureType, String reason, TemporalFailure failure) {
            super(reason, null, false, false);
            this.failureType = failureType;
            this.failure = failure;
        }
    }
}
