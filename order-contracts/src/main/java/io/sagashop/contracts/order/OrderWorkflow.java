package io.sagashop.contracts.order;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One order, from placement to a final state, as a saga: every step that succeeded is
 * compensated when a later step fails for good. The id of a run is
 * {@link OrderWorkflows#workflowId(java.util.UUID)}.
 *
 * <p>
 * Cancel, approve and reject are updates rather than signals: the caller needs an answer
 * (a shopper's cancel is refused once the order is charged; an approval only counts while
 * the order waits for one), and an update's validator refuses without writing anything to
 * the run's history.
 */
@WorkflowInterface
public interface OrderWorkflow {

    @WorkflowMethod
    OrderOutcome placeOrder(PlaceOrder order);

    /** Where the saga stands, step by step; cheap enough to poll for a live view. */
    @QueryMethod
    SagaState sagaState();

    /**
     * A shopper's cancellation; accepted until an operator has decided on the order or
     * the payment step starts.
     */
    @UpdateMethod
    SagaState cancel(CancelOrder request);

    @UpdateValidatorMethod(updateName = "cancel")
    void validateCancel(CancelOrder request);

    /**
     * An operator approves an order that waits for approval (and that the shopper has not
     * cancelled); it then proceeds to payment.
     */
    @UpdateMethod
    SagaState approve(ApprovalDecision decision);

    @UpdateValidatorMethod(updateName = "approve")
    void validateApprove(ApprovalDecision decision);

    /**
     * An operator rejects an order that waits for approval; it is cancelled and
     * compensated.
     */
    @UpdateMethod
    SagaState reject(ApprovalDecision decision);

    @UpdateValidatorMethod(updateName = "reject")
    void validateReject(ApprovalDecision decision);

}
