package io.sagashop.customer.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.sagashop.problem.IdempotencyConflictException;
import io.sagashop.support.idempotency.IdempotentWrites;
import io.sagashop.support.idempotency.Written;

@Service
class CustomerService {

    private static final Logger log = LoggerFactory.getLogger(CustomerService.class);

    // Names are not unique; the id keeps the order stable between calls.
    private static final Sort BY_NAME = Sort.by("name", "id");

    private final CustomerRepository customers;

    private final CreditProperties credit;

    private final IdempotentWrites writes;

    private final Clock clock;

    CustomerService(CustomerRepository customers, CreditProperties credit, IdempotentWrites writes, Clock clock) {
        this.customers = customers;
        this.credit = credit;
        this.writes = writes;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<CustomerResponse> list() {
        return customers.findAll(BY_NAME).stream().map(CustomerResponse::of).toList();
    }

    @Transactional(readOnly = true)
    CustomerResponse get(UUID customerId) {
        return customers.findById(customerId)
            .map(CustomerResponse::of)
            .orElseThrow(() -> new CustomerNotFoundException(customerId));
    }

    /**
     * Registers an active customer once per idempotency key; a repeat with the same
     * values answers the customer it registered.
     * @throws IdempotencyConflictException when the key registered other values
     * @throws EmailTakenException when another customer has the email
     */
    Written<CustomerResponse> register(String idempotencyKey, CreateCustomerRequest request) {
        String name = request.name();
        String email = Customer.normalizeEmail(request.email());
        long creditLimitCents = request.creditLimitCents();
        return writes.firstWrite(() -> registered(idempotencyKey, name, email, creditLimitCents), () -> {
            Customer customer = customers
                .saveAndFlush(Customer.register(name, email, creditLimitCents, idempotencyKey, clock.instant()));
            log.info("Registered customer {} with credit limit {} cents", customer.id(), creditLimitCents);
            return CustomerResponse.of(customer);
        });
    }

    /**
     * Answers whether the customer may place an order of this amount. It changes nothing,
     * so a retried check simply answers again.
     */
    @Transactional(readOnly = true)
    OrderCheckResponse checkOrder(UUID customerId, OrderCheckRequest request) {
        if (!credit.currency().equals(request.currency())) {
            throw new CurrencyNotSupportedException(request.currency(), credit.currency());
        }
        Customer customer = customers.findById(customerId).orElseThrow(() -> new UnknownCustomerException(customerId));
        customer.checkOrder(request.amountCents());
        return new OrderCheckResponse(customerId, request.amountCents(), customer.creditLimitCents(), true);
    }

    /**
     * The customer this key registered, if it registered these values; empty when the key
     * is free and so is the email. One query, so both are read from one snapshot: a twin
     * request committing in between cannot make its own email look taken.
     */
    private Optional<CustomerResponse> registered(String idempotencyKey, String name, String email,
            long creditLimitCents) {
        List<Customer> holders = customers.findByCreationKeyOrEmail(idempotencyKey, email);
        Optional<Customer> earlier = holders.stream()
            .filter(holder -> holder.isRegisteredBy(idempotencyKey))
            .findFirst();
        if (earlier.isPresent()) {
            if (!earlier.get().isRegistrationOf(name, email, creditLimitCents)) {
                throw new IdempotencyConflictException(idempotencyKey);
            }
            return earlier.map(CustomerResponse::of);
        }
        if (!holders.isEmpty()) {
            throw new EmailTakenException(email);
        }
        return Optional.empty();
    }

}
