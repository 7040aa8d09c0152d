package io.sagashop.systemtests.shop;

import java.util.Map;
import java.util.UUID;

/**
 * The customers customer-service seeds, by the story each one tells, and their demo
 * accounts at the sign-in server.
 */
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

    /** The demo accounts' shared password. */
    public static final String PASSWORD = "saga-shop-demo";

    /** The demo operator, who approves orders and can break the payment provider. */
    public static final String OPERATOR_EMAIL = "operator@example.com";

    private static final Map<UUID, String> EMAILS = Map.of(ADA, "ada@example.com", GRACE, "grace@example.com", ALAN,
            "alan@example.com", MALLORY, "mallory@example.com", BOB, "bob@example.com");

    private Customers() {
    }

    /** The email a shopper signs in with. */
    public static String email(UUID customerId) {
        String email = EMAILS.get(customerId);
        if (email == null) {
            throw new IllegalArgumentException("No demo account for customer " + customerId);
        }
        return email;
    }

}
