package io.sagashop.customer.account;

import java.util.UUID;

import io.sagashop.problem.ResourceNotFoundException;

class CustomerNotFoundException extends ResourceNotFoundException {

    CustomerNotFoundException(UUID customerId) {
        super("customer", customerId);
    }

}
