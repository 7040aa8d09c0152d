package io.sagashop.worker.order;

import io.sagashop.contracts.order.OrderFailureTypes;
import io.sagashop.contracts.order.PlaceOrder;
import io.temporal.activity.ActivityInterface;
import java.util.Set;
import java.util.UUID;

/** The order service's side of the saga: the order's record and its status. */
@ActivityInterface
public interface OrderActivities {

    /**
     * None: the order service accepts whatever the saga sends it, so a refusal is a
     * broken contract, not an answer about the order.
     */
    Set<String> REFUSALS = Set.of();

    /**
     * Creates the order PENDING and returns it as recorded. Idempotency key: the order id
     * (a replay answers the order created first, as it is now: possibly confirmed or
     * cancelled by an earlier run). Runs recorded before this returned anything hold no
     * result, which the workflow reads as null. Fails with
     * {@link OrderFailureTypes#ORDER_ID_TAKEN} when the id holds an order with other
     * content.
     */
    RecordedOrder createOrder(PlaceOrder order);

    /**
     * Marks the order AWAITING_APPROVAL. Idempotency key: the order id (a replay on
     * AWAITING_APPROVAL is a no-op).
     */
    void awaitApproval(UUID orderId, String reason);

    /**
     * Confirms the order and stores its reservation, payment and total. Idempotency key:
     * the order id.
     */
    void confirmOrder(UUID orderId, OrderConfirmation confirmation);

    /**
     * Compensation: cancels the order with a reason; an order that was never created
     * needs no cancelling. Idempotency key: the order id (a replay with the same reason
     * is a no-op).
     */
    void cancelOrder(UUID orderId, String reason);

}
