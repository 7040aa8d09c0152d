package io.sagashop.order.lifecycle;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of an order's status history; written once, never changed. */
@Entity
@Table(name = "order_status_change")
class OrderStatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private OrderStatus status;

    private String reason;

    private Instant changedAt;

    protected OrderStatusChange() {
    }

    OrderStatusChange(OrderStatus status, String reason, Instant changedAt) {
        this.status = status;
        this.reason = reason;
        this.changedAt = changedAt;
    }

    OrderStatus status() {
        return status;
    }

    String reason() {
        return reason;
    }

    Instant changedAt() {
        return changedAt;
    }

}
