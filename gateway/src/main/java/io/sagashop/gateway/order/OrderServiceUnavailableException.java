package io.sagashop.gateway.order;

import org.springframework.http.HttpStatus;

import io.sagashop.problem.ProblemException;

/**
 * The order service could not be reached, did not answer in time or failed (503, the same
 * type a route answers when its service is down); the request may be retried.
 */
class OrderServiceUnavailableException extends ProblemException {

    OrderServiceUnavailableException(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", detail);
    }

}
