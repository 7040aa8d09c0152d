package io.sagashop.worker.saga;

import static io.sagashop.contracts.order.OrderFailureTypes.APPROVAL_REJECTED;
import static io.sagashop.contracts.order.OrderFailureTypes.APPROVAL_TIMED_OUT;
import static io.sagashop.contracts.order.OrderFailureTypes.CANCELLED_BY_SHOPPER;
import static io.sagashop.worker.saga.ServiceText.sendable;
import static io.sagashop.worker.saga.ServiceText.storable;

import io.sagashop.contracts.order.ApprovalDecision;
import io.sagashop.contracts.order.CancelOrder;
import io.sagashop.contracts.order.SagaStep;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;

/**
 * What the shopper and the operators ask of the running saga (a cancel, an approval, a
 * rejection) and the rules the update validators apply to it. A refusal's message is what
 * the caller reads in the 409. Of a cancel and a decision, whichever the workflow accepts
 * first decides: each validator refuses once the other is in (validators write nothing to
 * the run's history, so these rules may change without a version).
 */
final class OrderRequests {

    static final String DEFAULT_SHOPPER_REASON = "Cancelled by the shopper";

    private static final Logger log = Workflow.getLogger(OrderWorkflowImpl.class);

    private final OrderProgress progress;

    private final SagaSteps steps;

    private String shopperCancelReason;

    private OperatorApproval approval = OperatorApproval.NOT_WAITING;

    OrderRequests(OrderProgress progress, SagaSteps steps) {
        this.progress = progress;
        this.steps = steps;
    }

    /** A cancel the shopper sent while a step ran ends the saga before the next one. */
    void stopIfShopperCancelled() {
        if (shopperCancelReason != null) {
            throw new SagaCancelled(CANCELLED_BY_SHOPPER, shopperCancelReason);
        }
    }

    /**
     * Waits for an operator's decision, the shopper's cancel or the timeout, and returns
     * only when the order is approved.
     * @throws SagaCancelled when it is rejected, cancelled or not decided in time
     */
    void awaitDecision(Duration timeout, String money) {
        approval = OperatorApproval.WAITING;
        Workflow.setCurrentDetails("Waiting up to " + humanized(timeout) + " for an operator to approve " + money);
        Workflow.await(timeout, this::answered);
        stopAwaitingDecision();
        // Whichever the workflow accepted first decides: each update's validator refuses
        // once the other is in.
        if (approval instanceof OperatorApproval.Decided decided) {
            Workflow.setCurrentDetails(decided.text());
            if (!decided.approved()) {
                steps.failed(SagaStep.AWAIT_APPROVAL, decided.text());
                throw new SagaCancelled(APPROVAL_REJECTED, decided.text());
            }
        }
        else if (shopperCancelReason != null) {
            Workflow.setCurrentDetails("Cancelled by the shopper while waiting for approval");
            steps.failed(SagaStep.AWAIT_APPROVAL, "Cancelled by the shopper while waiting for approval");
            throw new SagaCancelled(CANCELLED_BY_SHOPPER, shopperCancelReason);
        }
        else {
            String timedOut = "No operator approved the order within " + humanized(timeout);
            Workflow.setCurrentDetails(timedOut);
            steps.failed(SagaStep.AWAIT_APPROVAL, timedOut);
            throw new SagaCancelled(APPROVAL_TIMED_OUT, timedOut);
        }
    }

    /** The approval wait ends (answered, timed out or stopped). */
    void stopAwaitingDecision() {
        approval = approval.closed();
    }

    /** A decision or a cancel ends the approval wait. */
    private boolean answered() {
        return approval instanceof OperatorApproval.Decided || shopperCancelReason != null;
    }

    void validateCancel() {
        if (shopperCancelReason != null) {
            // A repeat (a double click, a retry after a timeout whose first cancel did
            // land): answered with the state, whatever the saga has got to since; the
            // handler keeps the first reason.
            return;
        }
        if (progress.status().isFinal()) {
            throw new IllegalStateException("The order is already " + statusText() + " and can no longer be cancelled");
        }
        if (progress.isEnding()) {
            throw new IllegalStateException("The order is already being cancelled: " + progress.cancelReason());
        }
        if (steps.hasStarted(SagaStep.CHARGE_PAYMENT)) {
            throw new IllegalStateException("The order is being paid for and can no longer be cancelled");
        }
        // The approve handler may have run in the workflow task that delivers this
        // cancel, before the saga went on.
        if (approval instanceof OperatorApproval.Decided decided) {
            String operator = decided.decision().operator();
            throw new IllegalStateException(
                    decided.approved() ? "The order was approved by " + operator + " and can no longer be cancelled"
                            : "The order was rejected by " + operator + " and is being cancelled");
        }
    }

    void cancel(CancelOrder request) {
        if (shopperCancelReason == null) {
            String reason = request == null || request.reason() == null ? "" : sendable(request.reason()).strip();
            shopperCancelReason = storable(reason.isEmpty() ? DEFAULT_SHOPPER_REASON : reason);
            // The run's id (order-<orderId>) is in every workflow log line; the order may
            // not have started yet.
            log.info("The shopper cancels the order: {}", shopperCancelReason);
        }
    }

    void validateDecision(ApprovalDecision candidate) {
        if (candidate == null || candidate.operator() == null || candidate.operator().isBlank()) {
            throw new IllegalArgumentException("A decision needs the operator's name");
        }
        if (approval instanceof OperatorApproval.Decided decided) {
            throw new IllegalStateException("The order was already " + (decided.approved() ? "approved" : "rejected")
                    + " by " + decided.decision().operator());
        }
        if (shopperCancelReason != null) {
            throw new IllegalStateException("The shopper cancelled the order");
        }
        if (!(approval instanceof OperatorApproval.Waiting)) {
            throw new IllegalStateException("The order is not waiting for approval (status " + statusText() + ")");
        }
    }

    void decide(ApprovalDecision decision, boolean approved) {
        approval = new OperatorApproval.Decided(decision, approved);
    }

    private static String humanized(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    private String statusText() {
        return progress.status().name().toLowerCase(Locale.ROOT);
    }

}
