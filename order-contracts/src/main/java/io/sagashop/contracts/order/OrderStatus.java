package io.sagashop.contracts.order;

/** The order's status as shoppers see it; CONFIRMED and CANCELLED are final. */
public enum OrderStatus {

    PENDING, AWAITING_APPROVAL, CONFIRMED, CANCELLED;

    public boolean isFinal() {
        return this == CONFIRMED || this == CANCELLED;
    }

}
