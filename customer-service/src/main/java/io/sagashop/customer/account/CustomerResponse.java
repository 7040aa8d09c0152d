package io.sagashop.customer.account;

import java.time.Instant;
import java.util.UUID;

record CustomerResponse(UUID customerId, String name, String email, CustomerStatus status, long creditLimitCents,
        Instant createdAt) {

    static CustomerResponse of(Customer customer) {
        return new CustomerResponse(customer.id(), customer.name(), customer.email(), customer.status(),
                customer.creditLimitCents(), customer.createdAt());
    }
}
