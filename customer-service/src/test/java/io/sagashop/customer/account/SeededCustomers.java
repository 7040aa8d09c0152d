package io.sagashop.customer.account;

import java.util.List;
import java.util.UUID;

/** The fixed ids of V2__seed_customers.sql. */
final class SeededCustomers {

    static final UUID ADA = UUID.fromString("c1000000-0000-4000-8000-000000000001");
    static final UUID GRACE = UUID.fromString("c1000000-0000-4000-8000-000000000002");
    static final UUID ALAN = UUID.fromString("c1000000-0000-4000-8000-000000000003");
    static final UUID MALLORY_BLOCKED = UUID.fromString("c1000000-0000-4000-8000-000000000004");
    static final UUID BOB_SMALL_BUDGET = UUID.fromString("c1000000-0000-4000-8000-000000000005");

    static final List<UUID> ALL = List.of(ADA, GRACE, ALAN, MALLORY_BLOCKED, BOB_SMALL_BUDGET);

    private SeededCustomers() {
    }

}
