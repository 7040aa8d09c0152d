package io.sagashop.gateway.order;

import io.sagashop.problem.InvalidRequestException;

/**
 * A page token that is not one this list handed out, whether it does not decode or
 * Temporal does not take it.
 */
class InvalidPageTokenException extends InvalidRequestException {

    static final String REASON = "must be a nextPageToken of this list, as it was handed out";

    InvalidPageTokenException() {
        super(OrderRuns.PAGE_TOKEN, REASON);
    }

}
