package io.sagashop.customer.account;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import io.sagashop.problem.ProblemException;

/**
 * An order check for a customer who does not exist. Unlike reading a customer (404), this
 * is a business answer to the order saga: the order is declined, not retried.
 */
class UnknownCustomerException extends ProblemException {

    UnknownCustomerException(UUID customerId) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-customer", "No customer " + customerId,
                Map.of("customerId", customerId));
    }

}
