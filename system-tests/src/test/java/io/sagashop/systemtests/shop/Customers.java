package io.sagashop.systemtests.shop;

import java.util.UUID;

/** The customers customer-service seeds, by the story each one tells. */
public final class Customers {

    /** Active, 5,000.00 EUR limit. */
    public static final UUID ADA = UUID.fromString("c1000000-0000-4000-8000-000000000001");

    /** Active, 10,000.00 EUR limit. */
    public static final UUID GRACE = UUID.fromString("c1000000-0000-4000-8000-000000000002");

    /** Active, 2,500.00 EUR limit. */
    public static final UUID ALAN = UUID.fromString("c1000000-0000-4000-8000-000000000003");

    /** Blocked. */
    public static final UUID MALLORY = UUID.fromString("c1000000-0000-4000-8000-000000000004");

    /** Active, 50.00 EUR limit. */
    public static final UUID BOB = UUID.fromString("c1000000-0000-4000-8000-000000000005");

    private Customers() {
    }

}
