package io.sagashop.order.lifecycle;

import java.util.Set;

/** Where an order stands. CONFIRMED and CANCELLED are final. */
enum OrderStatus {

    PENDING, AWAITING_APPROVAL, CONFIRMED, CANCELLED;

    boolean canBecome(OrderStatus target) {
        return switch (this) {
            case PENDING -> Set.of(AWAITING_APPROVAL, CONFIRMED, CANCELLED).contains(target);
            case AWAITING_APPROVAL -> Set.of(CONFIRMED, CANCELLED).contains(target);
            case CONFIRMED, CANCELLED -> false;
        };
    }

}
