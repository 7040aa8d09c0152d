package io.sagashop.gateway.order;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import io.sagashop.problem.ProblemException;

/**
 * No run for the order, or (to a shopper) a run that belongs to someone else: both answer
 * the same 404.
 */
class OrderNotFoundException extends ProblemException {

    OrderNotFoundException(UUID orderId) {
        super(HttpStatus.NOT_FOUND, "order-not-found", "No order " + orderId, Map.of("orderId", orderId));
    }

}
