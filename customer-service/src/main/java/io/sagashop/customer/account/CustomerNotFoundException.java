package io.sagashop.customer.account;

import java.util.UUID;

import io.sagashop.support.problem.ResourceNotFoundException;

class CustomerNotFoundException extends ResourceNotFoundException {

    CustomerNotFoundException(UUID customerId) {
        super("customer", customerId);
    }

}
