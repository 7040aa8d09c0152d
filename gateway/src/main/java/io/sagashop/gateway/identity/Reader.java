package io.sagashop.gateway.identity;

import java.util.UUID;

/**
 * Who may read a shopper's records: the shopper themself, or an operator, who may read
 * anybody's. A handler method declares a parameter of this type to take either.
 *
 * @param customerId the shopper's customer id; null for an operator
 */
public record Reader(UUID customerId) {

    static Reader operator() {
        return new Reader(null);
    }

    public boolean isOperator() {
        return customerId == null;
    }

    /** Whether the records of this customer are the reader's to see. */
    public boolean mayRead(UUID ownerId) {
        return isOperator() || customerId.equals(ownerId);
    }

}
