package io.sagashop.worker.saga;

import static io.sagashop.contracts.order.OrderFailureTypes.ALREADY_CANCELLED;

import io.sagashop.contracts.order.OrderOutcome;
import io.sagashop.contracts.order.OrderSearchAttributes;
import io.sagashop.contracts.order.OrderStatus;
import io.sagashop.contracts.order.PlaceOrder;
import io.sagashop.contracts.order.SagaState;
import io.sagashop.worker.inventory.Reservation;
import io.sagashop.worker.order.RecordedOrder;
import io.temporal.workflow.Workflow;
import java.util.UUID;

/**
 * Where this run has got the order: its status, its price, its payment and, once the saga
 * ends cancelled, why. What the saga view and the outcome report; the status and the
 * total are kept current in the run's search attributes too.
 */
final class OrderProgress {

    private static final Reservation NOT_PRICED = new Reservation(null, 0, null);

    private OrderStatus status = OrderStatus.PENDING;

    private Reservation reservation = NOT_PRICED;

    private UUID paymentId;

    private String cancelReason;

    private String failureType;

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

    /** Takes the order as an earlier run of the same request left it. */
    void foundEnded(RecordedOrder recorded) {
        reservation = new Reservation(recorded.reservationId(),
                recorded.totalCents() != null ? recorded.totalCents() : 0, recorded.currency());
        paymentId = recorded.paymentId();
        cancelReason = recorded.cancelReason();
        failureType = recorded.status() == OrderStatus.CANCELLED ? ALREADY_CANCELLED : null;
        if (recorded.totalCents() != null) {
            Workflow.upsertTypedSearchAttributes(OrderSearchAttributes.ORDER_TOTAL_CENTS.valueSet(totalCents()));
        }
        changeStatus(recorded.status());
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
                totalCents(), currency(), steps.snapshot(), cancelReason, failureType);
    }

}
