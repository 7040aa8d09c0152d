package io.sagashop.worker.saga;

import static io.sagashop.contracts.order.OrderFailureTypes.ALREADY_CANCELLED;
import static io.sagashop.contracts.order.OrderFailureTypes.ORDER_ID_TAKEN;

import io.sagashop.contracts.order.OrderOutcome;
import io.sagashop.contracts.order.OrderSearchAttributes;
import io.sagashop.contracts.order.OrderStatus;
import io.sagashop.contracts.order.PlaceOrder;
import io.sagashop.contracts.order.SagaState;
import io.sagashop.worker.inventory.Reservation;
import io.sagashop.worker.order.RecordedOrder;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;

/**
 * Where this run has got the order: its status, its price, its payment and, once the saga
 * ends cancelled, why. What the saga view and the outcome report; the status and the
 * total are kept current in the run's search attributes too.
 */
final class OrderProgress {

    private static final Logger log = Workflow.getLogger(OrderWorkflowImpl.class);

    private static final Reservation NOT_PRICED = new Reservation(null, 0, null);

    private OrderStatus status = OrderStatus.PENDING;

    private Reservation reservation = NOT_PRICED;

    private UUID paymentId;

    private String cancelReason;

    private String failureType;

    private Instant approvalDeadline;

    OrderStatus status() {
        return status;
    }

    void changeStatus(OrderStatus newStatus) {
        status = newStatus;
        Workflow.upsertTypedSearchAttributes(OrderSearchAttributes.ORDER_STATUS.valueSet(newStatus.name()));
    }

    void priced(Reservation priced) {
        reservation = priced;
        Workflow.upsertTypedSearchAttributes(OrderSearchAttributes.ORDER_TOTAL_CENTS.valueSet(totalCents()));
    }

    /** The order waits for an operator's decision until the deadline. */
    void awaitsApprovalUntil(Instant deadline) {
        approvalDeadline = deadline;
    }

    Instant approvalDeadline() {
        return approvalDeadline;
    }

    void paid(UUID payment) {
        paymentId = payment;
    }

    /** The saga ends: the order is being cancelled with this reason. */
    void ending(String endingType, String reason) {
        failureType = endingType;
        cancelReason = reason;
    }

    /** True from the moment the saga ends cancelled. */
    boolean isEnding() {
        return cancelReason != null;
    }

    /**
     * The run fails without an order of its own to cancel (runs before
     * {@link OrderWorkflowImpl#NOT_PLACED_ENDS_TRUTHFULLY}).
     */
    void failed(String type) {
        failureType = type;
    }

    /**
     * The order was confirmed or cancelled by an earlier run of the same request, whose
     * history the namespace's retention has deleted since, so this run could start. Its
     * records stand: running the saga again would reserve and charge anew, and
     * compensating would release the stock of a sold order or cancel it in a loop. This
     * run takes the order as it stands and runs no step.
     */
    void foundEnded(UUID orderId, RecordedOrder recorded, SagaSteps steps) {
        String ended = recorded.status().name().toLowerCase(Locale.ROOT);
        log.warn("Order {} was already {} by an earlier run; this run returns it as it stands and changes nothing",
                orderId, ended);
        steps.skipPending();
        reservation = new Reservation(recorded.reservationId(),
                recorded.totalCents() != null ? recorded.totalCents() : 0, recorded.currency());
        paymentId = recorded.paymentId();
        cancelReason = recorded.cancelReason();
        failureType = recorded.status() == OrderStatus.CANCELLED ? ALREADY_CANCELLED : null;
        if (recorded.totalCents() != null) {
            Workflow.upsertTypedSearchAttributes(OrderSearchAttributes.ORDER_TOTAL_CENTS.valueSet(totalCents()));
        }
        changeStatus(recorded.status());
        Workflow.setCurrentDetails("The order was already " + ended + " by an earlier run");
    }

    /**
     * This request ends without an order: the order id holds another request's. The saga
     * view and the search attributes say so, and no step runs. The shopper is not
     * notified: notifications are kept per order id and kind, so a "cancelled" one here
     * would speak of the other request's order (or be refused as a conflict with that
     * order's own). The gateway answers a repeat of this request with 409 instead.
     */
    void notPlaced(UUID orderId, SagaSteps steps) {
        ending(ORDER_ID_TAKEN, ServiceText.storable("This request was not placed: order " + orderId
                + " already holds an order with other content (its Idempotency-Key was used for another cart)"));
        steps.skipPending();
        changeStatus(OrderStatus.CANCELLED);
        Workflow.setCurrentDetails(cancelReason);
    }

    String cancelReason() {
        return cancelReason;
    }

    long totalCents() {
        return reservation.totalCents();
    }

    String currency() {
        return reservation.currency();
    }

    UUID reservationId() {
        return reservation.reservationId();
    }

    UUID paymentId() {
        return paymentId;
    }

    String money() {
        return Money.format(totalCents(), currency());
    }

    OrderOutcome outcome(UUID orderId) {
        return new OrderOutcome(orderId, status, totalCents(), currency(), reservationId(), paymentId, cancelReason,
                failureType);
    }

    /**
     * @param order null while the run has not started
     */
    SagaState sagaState(PlaceOrder order, SagaSteps steps) {
        return new SagaState(order != null ? order.orderId() : null, order != null ? order.customerId() : null, status,
                totalCents(), currency(), steps.snapshot(), cancelReason, failureType, approvalDeadline);
    }

}
