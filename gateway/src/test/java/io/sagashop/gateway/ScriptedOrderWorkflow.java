package io.sagashop.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.sagashop.contracts.order.ApprovalDecision;
import io.sagashop.contracts.order.CancelOrder;
import io.sagashop.contracts.order.OrderLine;
import io.sagashop.contracts.order.OrderFailureTypes;
import io.sagashop.contracts.order.OrderOutcome;
import io.sagashop.contracts.order.OrderSearchAttributes;
import io.sagashop.contracts.order.OrderStatus;
import io.sagashop.contracts.order.OrderWorkflow;
import io.sagashop.contracts.order.PlaceOrder;
import io.sagashop.contracts.order.SagaState;
import io.sagashop.contracts.order.SagaStep;
import io.sagashop.contracts.order.SagaStepState;
import io.sagashop.contracts.order.StepStatus;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;

/**
 * A stand-in for the real saga, scripted by what was ordered, so the gateway's tests can
 * put a run in each state they need:
 * <ul>
 * <li>payment token {@value #CHARGING_TOKEN}: the run is charging, with a payment
 * activity that keeps failing (a cancel is refused);</li>
 * <li>payment token {@value #RECOVERING_TOKEN}: the charge fails twice, then the order is
 * confirmed;</li>
 * <li>payment token {@value #ORDER_ID_TAKEN_TOKEN}: the order id holds another request's
 * order; the run ends the saga view CANCELLED and fails, as the real saga does;</li>
 * <li>more than {@value #APPROVAL_ABOVE_ITEMS} items: the run waits for an operator's
 * approval (approve confirms, reject or cancel cancels);</li>
 * <li>anything else: the run reserves stock until the shopper cancels.</li>
 * </ul>
 */
public class ScriptedOrderWorkflow implements OrderWorkflow {

    public static final String CHARGING_TOKEN = "tok_flaky";

    /** Any token the gateway accepts will do: here it only picks the script. */
    public static final String RECOVERING_TOKEN = "tok_insufficient_funds";

    public static final String ORDER_ID_TAKEN_TOKEN = "tok_order_id_taken";

    public static final int APPROVAL_ABOVE_ITEMS = 10;

    /** Never reached: a test decides, or cancels, long before. */
    public static final Duration APPROVAL_TIMEOUT = Duration.ofHours(1);

    public static final String CANCEL_REFUSED = "The order is being charged and can no longer be cancelled";

    private final PaymentActivities payments = Workflow.newActivityStub(PaymentActivities.class, ActivityOptions
        .newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(5))
        .setRetryOptions(
                RetryOptions.newBuilder().setInitialInterval(Duration.ofMillis(200)).setBackoffCoefficient(1.0).build())
        .build());

    private final Map<SagaStep, SagaStepState> steps = new EnumMap<>(SagaStep.class);

    private PlaceOrder order;

    private OrderStatus status = OrderStatus.PENDING;

    private boolean charging;

    private String cancelReason;

    private String failureType;

    private ApprovalDecision approval;

    private Instant approvalDeadline;

    public ScriptedOrderWorkflow() {
        for (SagaStep step : SagaStep.values()) {
            steps.put(step, new SagaStepState(step, StepStatus.PENDING, 0, null));
        }
    }

    @Override
    public OrderOutcome placeOrder(PlaceOrder order) {
        this.order = order;
        if (ORDER_ID_TAKEN_TOKEN.equals(order.paymentToken())) {
            step(SagaStep.CREATE_ORDER, StepStatus.FAILED);
            cancelReason = "This request was not placed";
            failureType = OrderFailureTypes.ORDER_ID_TAKEN;
            status(OrderStatus.CANCELLED);
            throw ApplicationFailure.newNonRetryableFailure("Step CREATE_ORDER failed unexpectedly",
                    OrderFailureTypes.ORDER_ID_TAKEN);
        }
        step(SagaStep.CREATE_ORDER, StepStatus.DONE);
        if (CHARGING_TOKEN.equals(order.paymentToken())) {
            step(SagaStep.RESERVE_STOCK, StepStatus.DONE);
            step(SagaStep.CHECK_CUSTOMER, StepStatus.DONE);
            step(SagaStep.AWAIT_APPROVAL, StepStatus.SKIPPED);
            step(SagaStep.CHARGE_PAYMENT, StepStatus.RUNNING);
            charging = true;
            payments.chargePayment(order.orderId(), order.paymentToken());
        }
        else if (RECOVERING_TOKEN.equals(order.paymentToken())) {
            step(SagaStep.RESERVE_STOCK, StepStatus.DONE);
            step(SagaStep.CHECK_CUSTOMER, StepStatus.DONE);
            step(SagaStep.AWAIT_APPROVAL, StepStatus.SKIPPED);
            step(SagaStep.CHARGE_PAYMENT, StepStatus.RUNNING);
            payments.chargePayment(order.orderId(), order.paymentToken());
            // As the real saga, the workflow sees only that the charge succeeded, not
            // after how many attempts.
            for (SagaStep step : List.of(SagaStep.CHARGE_PAYMENT, SagaStep.CONFIRM_ORDER, SagaStep.NOTIFY_SHOPPER)) {
                step(step, StepStatus.DONE);
            }
            status(OrderStatus.CONFIRMED);
            return outcome();
        }
        else if (items() > APPROVAL_ABOVE_ITEMS) {
            step(SagaStep.RESERVE_STOCK, StepStatus.DONE);
            step(SagaStep.CHECK_CUSTOMER, StepStatus.DONE);
            step(SagaStep.AWAIT_APPROVAL, StepStatus.RUNNING);
            status(OrderStatus.AWAITING_APPROVAL);
            approvalDeadline = Instant.ofEpochMilli(Workflow.currentTimeMillis()).plus(APPROVAL_TIMEOUT);
            Workflow.await(() -> approval != null || cancelReason != null);
            if (cancelReason == null) {
                for (SagaStep step : List.of(SagaStep.AWAIT_APPROVAL, SagaStep.CHARGE_PAYMENT, SagaStep.CONFIRM_ORDER,
                        SagaStep.NOTIFY_SHOPPER)) {
                    step(step, StepStatus.DONE);
                }
                status(OrderStatus.CONFIRMED);
                return outcome();
            }
        }
        else {
            step(SagaStep.RESERVE_STOCK, StepStatus.RUNNING);
            Workflow.await(() -> cancelReason != null);
        }
        steps.replaceAll((step, state) -> state.status() == StepStatus.DONE || state.status() == StepStatus.RUNNING
                ? new SagaStepState(step, StepStatus.COMPENSATED, state.attempt(), null) : state);
        status(OrderStatus.CANCELLED);
        return outcome();
    }

    @Override
    public SagaState sagaState() {
        return new SagaState(order.orderId(), order.customerId(), status, 0, "EUR", List.copyOf(steps.values()),
                cancelReason, failureType, approvalDeadline);
    }

    @Override
    public SagaState cancel(CancelOrder request) {
        cancelReason = request.reason();
        failureType = "cancelled-by-shopper";
        Workflow.await(() -> status.isFinal());
        return sagaState();
    }

    @Override
    public void validateCancel(CancelOrder request) {
        if (charging) {
            throw new IllegalStateException(CANCEL_REFUSED);
        }
        if (status.isFinal()) {
            throw new IllegalStateException("The order is already " + status);
        }
    }

    @Override
    public SagaState approve(ApprovalDecision decision) {
        approval = decision;
        Workflow.await(() -> status.isFinal());
        return sagaState();
    }

    @Override
    public void validateApprove(ApprovalDecision decision) {
        requireAwaitingApproval();
    }

    @Override
    public SagaState reject(ApprovalDecision decision) {
        cancelReason = "Rejected by " + decision.operator() + ": " + decision.comment();
        failureType = "approval-rejected";
        Workflow.await(() -> status.isFinal());
        return sagaState();
    }

    @Override
    public void validateReject(ApprovalDecision decision) {
        requireAwaitingApproval();
    }

    private void requireAwaitingApproval() {
        if (status != OrderStatus.AWAITING_APPROVAL || approval != null || cancelReason != null) {
            throw new IllegalStateException("Order " + order.orderId() + " is not waiting for approval");
        }
    }

    private int items() {
        return order.lines().stream().mapToInt(OrderLine::quantity).sum();
    }

    private void step(SagaStep step, StepStatus stepStatus) {
        steps.put(step, new SagaStepState(step, stepStatus, stepStatus == StepStatus.PENDING ? 0 : 1, null));
    }

    private void status(OrderStatus newStatus) {
        status = newStatus;
        Workflow.upsertTypedSearchAttributes(OrderSearchAttributes.ORDER_STATUS.valueSet(newStatus.name()));
    }

    private OrderOutcome outcome() {
        return new OrderOutcome(order.orderId(), status, 0, "EUR", null, null, cancelReason, failureType);
    }

}
