package io.sagashop.customer.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.sagashop.problem.IdempotencyConflictException;

@Service
class CustomerService {

    private static final Logger log = LoggerFactory.getLogger(CustomerService.class);

    // Names are not unique; the id keeps the order stable between calls.
    private static final Sort BY_NAME = Sort.by("name", "id");

    private final CustomerRepository customers;

    private final CreditProperties credit;

    CustomerService(CustomerRepository customers, CreditProperties credit) {
        this.customers = customers;
        this.credit = credit;
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
     * Creates an active customer once per idempotency key. The insert itself claims the
     * key: of concurrent first requests with one key exactly one inserts, the others wait
     * for it to commit, insert nothing and then answer from the winner's row like any
     * replay. This holds under READ COMMITTED because each statement there sees rows
     * committed before it started.
     */
    @Transactional
    Registration register(String idempotencyKey, CreateCustomerRequest request) {
        String name = request.name();
        String email = Customer.normalizeEmail(request.email());
        long creditLimitCents = request.creditLimitCents();

        Optional<Customer> earlier = customers.findByCreationKey(idempotencyKey);
        if (earlier.isPresent()) {
            return replay(earlier.get(), idempotencyKey, name, email, creditLimitCents);
        }
        UUID id = UUID.randomUUID();
        if (customers.insertIfAbsent(id, name, email, CustomerStatus.ACTIVE.name(), creditLimitCents,
                idempotencyKey) == 1) {
            log.info("Registered customer {} with credit limit {} cents", id, creditLimitCents);
            Customer created = customers.findById(id).orElseThrow();
            return new Registration(CustomerResponse.of(created), true);
        }
        // Nothing inserted: a committed row holds either this key (a concurrent twin) or
        // this email.
        Optional<Customer> winner = customers.findByCreationKey(idempotencyKey);
        if (winner.isEmpty()) {
            throw new EmailTakenException(email);
        }
        log.debug("Key {} was claimed by a concurrent request; answering from its row", idempotencyKey);
        return replay(winner.get(), idempotencyKey, name, email, creditLimitCents);
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

    private static Registration replay(Customer earlier, String idempotencyKey, String name, String email,
            long creditLimitCents) {
        if (!earlier.isRegistrationOf(name, email, creditLimitCents)) {
            throw new IdempotencyConflictException(idempotencyKey);
        }
        return new Registration(CustomerResponse.of(earlier), false);
    }

    /**
     * @param created false when the request replayed an earlier one with the same
     * idempotency key
     */
    record Registration(CustomerResponse customer, boolean created) {
    }

}
