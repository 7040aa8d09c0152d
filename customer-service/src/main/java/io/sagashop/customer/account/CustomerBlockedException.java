package io.sagashop.customer.account;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import io.sagashop.problem.ProblemException;

class CustomerBlockedException extends ProblemException {

    CustomerBlockedException(UUID customerId) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "customer-blocked",
                "Customer " + customerId + " is blocked and may not place orders", Map.of("customerId", customerId));
    }

}
