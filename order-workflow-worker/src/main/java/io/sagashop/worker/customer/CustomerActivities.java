package io.sagashop.worker.customer;

import io.temporal.activity.ActivityInterface;
import java.util.Set;
import java.util.UUID;

/** The customer service's side of the saga: may this customer place this order? */
@ActivityInterface
public interface CustomerActivities {

    /** The business answers that end the saga: no retry changes them. */
    Set<String> REFUSALS = Set.of("unknown-customer", "customer-blocked", "credit-limit-exceeded");

    /**
     * Checks that the customer exists, is not blocked and may spend the amount. Fails
     * with {@code unknown-customer}, {@code customer-blocked} or
     * {@code credit-limit-exceeded}. Changes nothing, so it is idempotent by nature.
     */
    void checkCustomer(UUID customerId, long amountCents, String currency);

}
