package io.sagashop.worker.saga;

import static io.sagashop.worker.saga.ServiceText.sendable;
import static io.sagashop.worker.saga.ServiceText.storable;

import io.sagashop.contracts.order.ApprovalDecision;
import io.sagashop.contracts.order.CancelOrder;
import io.sagashop.contracts.order.SagaStep;
import io.temporal.workflow.Workflow;
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

    /** Null until the shopper cancels; the first reason stands. */
    String shopperCancelReason() {
        return shopperCancelReason;
    }

    OperatorApproval approval() {
        return approval;
    }

    void awaitDecision() {
        approval = OperatorApproval.WAITING;
    }

    /** The approval wait ends (answered, timed out or stopped). */
    void stopAwaitingDecision() {
        approval = approval.closed();
    }

    /** A decision or a cancel ends the approval wait. */
    boolean answered() {
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

    private String statusText() {
        return progress.status().name().toLowerCase(Locale.ROOT);
    }

}
