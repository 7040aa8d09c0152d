package io.sagashop.order.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.ListIndexBase;

import io.sagashop.problem.IdempotencyConflictException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An order and the rules of its life: PENDING, optionally AWAITING_APPROVAL, then
 * CONFIRMED or CANCELLED for good. Every change of status appends to the history.
 * Repeating a transition the order already made with the same values is a no-op, so the
 * saga can retry any step; repeating it with other values is refused.
 */
@Entity
@Table(name = "customer_order")
class Order {

    // Pages of up to 100 orders load their lines and histories in one query each, not one
    // per order.
    private static final int BATCH_SIZE = 100;

    @Id
    private UUID id;

    private UUID customerId;

    @Enumerated(EnumType.STRING)
    private OrderStatus status;

    private Long totalCents;

    private String currency;

    private UUID reservationId;

    private UUID paymentId;

    private String cancelReason;

    private Instant createdAt;

    private Instant updatedAt;

    // Transitions lock the row first; the version still refuses a stale write from any
    // path that does not.
    @Version
    private Long version;

    @ElementCollection
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    @ListIndexBase(1)
    @BatchSize(size = BATCH_SIZE)
    private List<OrderLine> lines = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    @OrderBy("id")
    @BatchSize(size = BATCH_SIZE)
    private List<OrderStatusChange> history = new ArrayList<>();

    protected Order() {
    }

    Order(UUID id, UUID customerId, List<OrderLine> lines, Instant createdAt) {
        this.id = id;
        this.customerId = customerId;
        this.lines = new ArrayList<>(lines);
        this.status = OrderStatus.PENDING;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.history.add(new OrderStatusChange(OrderStatus.PENDING, null, createdAt));
    }

    /** Whether a create request for this order's id asked for exactly this order. */
    boolean isCreatedBy(UUID customerId, List<OrderLine> lines) {
        return this.customerId.equals(customerId) && this.lines.equals(lines);
    }

    void awaitApproval(String reason, Instant at) {
        if (status == OrderStatus.AWAITING_APPROVAL) {
            requireSameRequest(reason.equals(reasonFor(OrderStatus.AWAITING_APPROVAL)), "await-approval");
            return;
        }
        moveTo(OrderStatus.AWAITING_APPROVAL, reason, at);
    }

    void confirm(Confirmation confirmation, Instant at) {
        if (status == OrderStatus.CONFIRMED) {
            requireSameRequest(confirmation.equals(new Confirmation(reservationId, paymentId, totalCents, currency)),
                    "confirm");
            return;
        }
        moveTo(OrderStatus.CONFIRMED, null, at);
        this.reservationId = confirmation.reservationId();
        this.paymentId = confirmation.paymentId();
        this.totalCents = confirmation.totalCents();
        this.currency = confirmation.currency();
    }

    void cancel(String reason, Instant at) {
        if (status == OrderStatus.CANCELLED) {
            requireSameRequest(reason.equals(cancelReason), "cancel");
            return;
        }
        moveTo(OrderStatus.CANCELLED, reason, at);
        this.cancelReason = reason;
    }

    private void moveTo(OrderStatus target, String reason, Instant at) {
        if (!status.canBecome(target)) {
            throw new IllegalTransitionException(id, status, target);
        }
        status = target;
        updatedAt = at;
        history.add(new OrderStatusChange(target, reason, at));
    }

    private void requireSameRequest(boolean same, String step) {
        if (!same) {
            throw new IdempotencyConflictException(id + "/" + step);
        }
    }

    private String reasonFor(OrderStatus reached) {
        return history.stream()
            .filter(change -> change.status() == reached)
            .map(OrderStatusChange::reason)
            .findFirst()
            .orElse(null);
    }

    UUID id() {
        return id;
    }

    UUID customerId() {
        return customerId;
    }

    OrderStatus status() {
        return status;
    }

    List<OrderLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    Long totalCents() {
        return totalCents;
    }

    String currency() {
        return currency;
    }

    UUID reservationId() {
        return reservationId;
    }

    UUID paymentId() {
        return paymentId;
    }

    String cancelReason() {
        return cancelReason;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    /** Oldest first. */
    List<OrderStatusChange> history() {
        return Collections.unmodifiableList(history);
    }

}
