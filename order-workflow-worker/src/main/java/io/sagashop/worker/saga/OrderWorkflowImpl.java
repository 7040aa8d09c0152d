package io.sagashop.worker.saga;

import static io.sagashop.contracts.order.OrderFailureTypes.ALREADY_CANCELLED;
import static io.sagashop.contracts.order.OrderFailureTypes.APPROVAL_REJECTED;
import static io.sagashop.contracts.order.OrderFailureTypes.APPROVAL_TIMED_OUT;
import static io.sagashop.contracts.order.OrderFailureTypes.CANCELLED_BY_SHOPPER;
import static io.sagashop.contracts.order.OrderFailureTypes.COMPENSATION_FAILED;
import static io.sagashop.contracts.order.OrderFailureTypes.PAYMENT_UNAVAILABLE;
import static io.sagashop.contracts.order.OrderFailureTypes.RUN_CANCELLED;
import static io.sagashop.contracts.order.OrderFailureTypes.SERVICE_UNAVAILABLE;

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
import io.sagashop.worker.order.RecordedOrder;
import io.sagashop.worker.payment.Charge;
import io.sagashop.worker.payment.PaymentActivities;
import io.temporal.activity.ActivityCancellationType;
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
import java.util.regex.Pattern;
import org.slf4j.Logger;

/**
 * The order saga. Steps run in {@link SagaStep} order; each compensation is registered
 * right before the step it undoes, so a step that timed out after succeeding is still
 * undone. A business failure, a spent retry budget, an operator's rejection, a missing
 * approval or the shopper's cancellation ends the saga: the registered compensations run
 * in reverse order, the shopper is told why, and the run returns a CANCELLED outcome
 * carrying the failure's type. Any other failure is compensated the same way and then
 * fails the run, so it is never mistaken for a cancelled order. An order that an earlier
 * run already confirmed or cancelled (its history since deleted by the namespace's
 * retention, so the same request could start this run) is returned as it stands,
 * untouched.
 *
 * <p>
 * Workflow code: no I/O, clocks, randomness or threads here; everything that touches the
 * world is an activity.
 */
@WorkflowImpl(taskQueues = OrderWorkflows.TASK_QUEUE)
public class OrderWorkflowImpl implements OrderWorkflow {

    static final String STOPPED_BY_OPERATOR = "Stopped by an operator";
    static final String DEFAULT_SHOPPER_REASON = "Cancelled by the shopper";

    /**
     * What order-service answers when the order id already holds an order with other
     * content.
     */
    private static final String ORDER_ID_TAKEN = "idempotency-conflict";

    private static final Set<String> NO_BUSINESS_FAILURES = Set.of();

    private static final Set<String> STOCK_FAILURES = Set.of("unknown-sku", "out-of-stock");

    private static final Set<String> CUSTOMER_FAILURES = Set.of("unknown-customer", "customer-blocked",
            "credit-limit-exceeded");

    private static final Set<String> PAYMENT_FAILURES = Set.of("card-declined", "insufficient-funds");

    /** The order service keeps cancel reasons of up to 500 characters. */
    private static final int MAX_REASON_LENGTH = 500;

    /**
     * What the services refuse in a reason or message (PostgreSQL cannot store NUL; the
     * order service takes no control character but tab and line breaks), and halves of
     * surrogate pairs, which UTF-8 cannot encode. A reason the service refused would
     * leave a compensation retrying for ever.
     */
    private static final Pattern UNSENDABLE_CHARACTERS = Pattern.compile("[\\p{Cntrl}\\p{Cs}&&[^\\t\\n\\r]]");

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
        // Recorded in the run's history: a configuration change must not change the
        // branches of runs in flight.
        SagaProperties.Approval approval = Workflow.sideEffect(SagaProperties.Approval.class, () -> configuredApproval);
        Workflow.upsertTypedSearchAttributes(OrderSearchAttributes.CUSTOMER_ID.valueSet(order.customerId().toString()),
                OrderSearchAttributes.ORDER_STATUS.valueSet(orderStatus.name()));
        try {
            RecordedOrder recorded = createOrder();
            // Null: the order is new (and runs recorded before createOrder answered
            // anything always proceed).
            if (recorded != null && recorded.status().isFinal()) {
                return alreadyEnded(recorded);
            }
            reserveStock();
            checkCustomer();
            awaitApprovalIfAbove(approval);
            chargePayment();
            confirmOrder();
        }
        catch (SagaEnded ended) {
            OrderOutcome outcome = end(ended);
            if (ended.failure != null) {
                throw ended.failure;
            }
            return outcome;
        }
        catch (CanceledFailure runCancelled) {
            // A step may be waiting (for an approval) rather than calling an activity: it
            // will never finish now.
            waitingForApproval = false;
            steps.failRunning(STOPPED_BY_OPERATOR);
            end(new SagaEnded(RUN_CANCELLED, "The order was stopped by an operator", null));
            throw runCancelled;
        }
        notifyShopper(NotificationKind.ORDER_CONFIRMED,
                "Your order " + shortOrderId() + " is confirmed; " + money() + " was charged.");
        return outcome();
    }

    private RecordedOrder createOrder() {
        compensations.add(new Compensation(SagaStep.CREATE_ORDER,
                () -> stub(OrderActivities.class, activities.compensate(), "Undo: cancel the order")
                    .cancelOrder(orderId(), cancelReason)));
        try {
            return call(SagaStep.CREATE_ORDER, NO_BUSINESS_FAILURES, () -> stepStub(OrderActivities.class,
                    activities.createOrder(), "Create the order of " + lineCount())
                .createOrder(order));
        }
        catch (SagaEnded ended) {
            if (ORDER_ID_TAKEN.equals(ended.failureType) && ended.failure != null) {
                // The id already holds the order of another request (a key reused with
                // another cart after the
                // retention dropped the first run): that order is not this run's to undo
                // or to notify about.
                log.error("Order {} exists with other content; failing without touching it", orderId());
                compensations.clear();
                failureType = ended.failureType;
                throw ended.failure;
            }
            throw ended;
        }
    }

    /**
     * The order was confirmed or cancelled by an earlier run of the same request, whose
     * history the namespace's retention has deleted since, so this run could start. Its
     * records stand: running the saga again would reserve and charge anew, and
     * compensating would release the stock of a sold order or cancel it in a loop.
     */
    private OrderOutcome alreadyEnded(RecordedOrder recorded) {
        log.warn("Order {} was already {} by an earlier run; this run returns it as it stands and changes nothing",
                orderId(), recorded.status().name().toLowerCase(Locale.ROOT));
        totalCents = recorded.totalCents() != null ? recorded.totalCents() : 0;
        currency = recorded.currency();
        reservationId = recorded.reservationId();
        paymentId = recorded.paymentId();
        cancelReason = recorded.cancelReason();
        failureType = recorded.status() == OrderStatus.CANCELLED ? ALREADY_CANCELLED : null;
        steps.skipPending();
        if (recorded.totalCents() != null) {
            Workflow.upsertTypedSearchAttributes(OrderSearchAttributes.ORDER_TOTAL_CENTS.valueSet(totalCents));
        }
        changeOrderStatus(recorded.status());
        Workflow.setCurrentDetails(
                "The order was already " + recorded.status().name().toLowerCase(Locale.ROOT) + " by an earlier run");
        return outcome();
    }

    private void reserveStock() {
        stopIfShopperCancelled();
        compensations.add(new Compensation(SagaStep.RESERVE_STOCK,
                () -> stub(InventoryActivities.class, activities.compensate(), "Undo: release the reserved stock")
                    .releaseReservation(orderId())));
        Reservation reservation = call(SagaStep.RESERVE_STOCK, STOCK_FAILURES,
                () -> stepStub(InventoryActivities.class, activities.reserveStock(), "Reserve " + lineCount())
                    .reserveStock(orderId(), order.lines()));
        reservationId = reservation.reservationId();
        totalCents = reservation.totalCents();
        currency = reservation.currency();
        Workflow.upsertTypedSearchAttributes(OrderSearchAttributes.ORDER_TOTAL_CENTS.valueSet(totalCents));
    }

    private void checkCustomer() {
        stopIfShopperCancelled();
        run(SagaStep.CHECK_CUSTOMER, CUSTOMER_FAILURES,
                () -> stepStub(CustomerActivities.class, activities.checkCustomer(),
                        "Check the customer may spend " + money())
                    .checkCustomer(order.customerId(), totalCents, currency));
    }

    private void awaitApprovalIfAbove(SagaProperties.Approval approval) {
        stopIfRunCancelled(SagaStep.AWAIT_APPROVAL);
        stopIfShopperCancelled();
        if (totalCents <= approval.thresholdCents()) {
            steps.skipped(SagaStep.AWAIT_APPROVAL);
            return;
        }
        steps.running(SagaStep.AWAIT_APPROVAL);
        String reason = "The total of " + money() + " is above the approval threshold of "
                + Money.format(approval.thresholdCents(), currency);
        invoke(SagaStep.AWAIT_APPROVAL, NO_BUSINESS_FAILURES, () -> {
            stepStub(OrderActivities.class, activities.awaitApproval(), "Ask an operator to approve " + money())
                .awaitApproval(orderId(), storable(reason));
            return null;
        });
        changeOrderStatus(OrderStatus.AWAITING_APPROVAL);
        waitingForApproval = true;
        Workflow.setCurrentDetails(
                "Waiting up to " + humanized(approval.timeout()) + " for an operator to approve " + money());
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
        compensations.add(new Compensation(SagaStep.CHARGE_PAYMENT,
                () -> stub(PaymentActivities.class, activities.compensate(), "Undo: refund " + money())
                    .refundPayment(orderId())));
        paymentId = call(SagaStep.CHARGE_PAYMENT, PAYMENT_FAILURES,
                () -> stepStub(PaymentActivities.class, activities.chargePayment(), "Charge " + money()).chargePayment(
                        orderId(), new Charge(order.customerId(), totalCents, currency, order.paymentToken())));
    }

    private void confirmOrder() {
        run(SagaStep.CONFIRM_ORDER, NO_BUSINESS_FAILURES,
                () -> stepStub(OrderActivities.class, activities.confirmOrder(), "Confirm the order of " + money())
                    .confirmOrder(orderId(), new OrderConfirmation(reservationId, paymentId, totalCents, currency)));
        changeOrderStatus(OrderStatus.CONFIRMED);
    }

    private void notifyShopper(NotificationKind kind, String message) {
        steps.running(SagaStep.NOTIFY_SHOPPER);
        String summary = kind == NotificationKind.ORDER_CONFIRMED ? "Tell the shopper the order is confirmed"
                : "Tell the shopper the order is cancelled";
        try {
            stub(NotificationActivities.class, activities.notifyShopper(), summary).notifyShopper(orderId(),
                    new Notification(order.customerId(), kind, sendable(message)));
            steps.done(SagaStep.NOTIFY_SHOPPER);
        }
        catch (ActivityFailure failure) {
            // The order stands as it is: a notification that could not be sent never
            // undoes it.
            log.warn("Could not notify the shopper of order {} ({}): {}", orderId(), kind, failureMessage(failure));
            steps.failed(SagaStep.NOTIFY_SHOPPER, failureMessage(failure));
        }
    }

    private OrderOutcome end(SagaEnded ended) {
        ending = true;
        failureType = ended.failureType;
        String reason = ended.getMessage() == null ? "" : sendable(ended.getMessage());
        // The order service needs a reason; a failure may come without a message.
        cancelReason = storable(reason.isBlank() ? "Cancelled (" + failureType + ")" : reason);
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
                // Compensations retry until they succeed, so this means a bug; the other
                // compensations still run.
                log.error("Compensation of {} for order {} failed", step, orderId(), failure);
                steps.failed(step, "Undo failed: " + failureMessage(failure));
                if (firstFailure == null) {
                    firstFailure = failure;
                }
            }
        }
        if (firstFailure != null) {
            throw ApplicationFailure.newNonRetryableFailureWithCause(
                    "A compensation of order " + orderId() + " failed; the order may be left partly done",
                    COMPENSATION_FAILED, firstFailure);
        }
    }

    @Override
    public SagaState sagaState() {
        return new SagaState(order != null ? order.orderId() : null, order != null ? order.customerId() : null,
                orderStatus, totalCents, currency, steps.snapshot(), cancelReason, failureType);
    }

    @Override
    public void validateCancel(CancelOrder request) {
        if (shopperCancelReason != null) {
            // A repeat (a double click, a retry after a timeout whose first cancel did
            // land): answered with the
            // state, whatever the saga has got to since; the handler keeps the first
            // reason.
            return;
        }
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
            String reason = request == null || request.reason() == null ? "" : sendable(request.reason()).strip();
            shopperCancelReason = storable(reason.isEmpty() ? DEFAULT_SHOPPER_REASON : reason);
            // The run's id (order-<orderId>) is in every workflow log line; the order may
            // not have started yet.
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
            throw new IllegalStateException(
                    "The order was already " + (approved ? "approved" : "rejected") + " by " + decision.operator());
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
        stopIfRunCancelled(step);
        steps.running(step);
        T result = invoke(step, businessFailures, activity);
        steps.done(step);
        return result;
    }

    private <T> T invoke(SagaStep step, Set<String> businessFailures, Supplier<T> activity) {
        try {
            return activity.get();
        }
        catch (ActivityFailure failure) {
            throw stepFailed(step, businessFailures, failure);
        }
    }

    /**
     * What a failed step means for the saga: the exception that ends it (or the run's
     * cancellation).
     */
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
            // The step's retry budget (configuration) is spent: the order does not wait
            // any longer.
            return step == SagaStep.CHARGE_PAYMENT
                    ? new SagaEnded(PAYMENT_UNAVAILABLE,
                            "The payment provider was unavailable; any charge was refunded", null)
                    : new SagaEnded(SERVICE_UNAVAILABLE, "A service the order needs was unavailable", null);
        }
        // Neither a business answer nor an outage: a bug or a broken contract. Undo, then
        // fail the run loudly.
        log.error("Step {} of order {} failed unexpectedly ({}): {}", step, orderId(), type, message);
        return new SagaEnded(type, "The order could not be completed because of an unexpected error",
                ApplicationFailure.newNonRetryableFailureWithCause("Step " + step + " of order " + orderId()
                        + " failed unexpectedly (" + message + "); completed steps were compensated", type, failure));
    }

    /**
     * An attempt that finished after the run was cancelled (forward steps wait for
     * theirs) must not lead to the next step: the saga stops here and compensates.
     */
    private void stopIfRunCancelled(SagaStep next) {
        if (CancellationScope.current().isCancelRequested()) {
            throw new CanceledFailure("The order's run was cancelled before " + next);
        }
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
        return new OrderOutcome(orderId(), orderStatus, totalCents, currency, reservationId, paymentId, cancelReason,
                failureType);
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

    /**
     * A forward step's activities. They do not heartbeat, so they never learn that the
     * run was cancelled: with the default TRY_CANCEL the saga would stop waiting at once
     * and compensate while the attempt in flight could still create, reserve, charge or
     * confirm after the compensation undid it. Waiting for that attempt to finish (at
     * most its start-to-close timeout; the server retries no more once the run is
     * cancelled) means the compensations always come last.
     */
    private static <A> A stepStub(Class<A> activitiesType, ActivitySettings settings, String summary) {
        return Workflow.newActivityStub(activitiesType,
                settings.toActivityOptions(summary, ActivityCancellationType.WAIT_CANCELLATION_COMPLETED));
    }

    /**
     * Compensations and notifications: nothing follows them that an attempt in flight
     * could overtake.
     */
    private static <A> A stub(Class<A> activitiesType, ActivitySettings settings, String summary) {
        return Workflow.newActivityStub(activitiesType,
                settings.toActivityOptions(summary, ActivityCancellationType.TRY_CANCEL));
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
        return failure.getCause() instanceof TemporalFailure temporalFailure ? temporalFailure.getOriginalMessage()
                : failure.getOriginalMessage();
    }

    /**
     * Text as the services accept it in a reason or message: without the characters they
     * refuse.
     */
    private static String sendable(String text) {
        return UNSENDABLE_CHARACTERS.matcher(text).replaceAll("");
    }

    /**
     * A reason as the order service keeps it: sendable, and shortened to the length it
     * stores.
     */
    private static String storable(String reason) {
        String sendable = sendable(reason);
        if (sendable.length() <= MAX_REASON_LENGTH) {
            return sendable;
        }
        int end = MAX_REASON_LENGTH - 1;
        // Never cut between the halves of a surrogate pair.
        if (Character.isHighSurrogate(sendable.charAt(end - 1))) {
            end--;
        }
        return sendable.substring(0, end) + "…";
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
     * @param failure when set, the run fails with it after compensating (for failures
     * nobody planned for)
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
