package io.sagashop.order.lifecycle;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import io.sagashop.problem.ProblemException;

/**
 * The order's current status does not lead to the requested one (409), e.g. cancelling a
 * confirmed order.
 */
class IllegalTransitionException extends ProblemException {

    IllegalTransitionException(UUID orderId, OrderStatus from, OrderStatus to) {
        super(HttpStatus.CONFLICT, "illegal-transition",
                "Order " + orderId + " is " + from + " and cannot become " + to,
                Map.of("orderId", orderId.toString(), "from", from.name(), "to", to.name()));
    }

}
