package io.sagashop.support.security;

/**
 * The authorities a token of the identity contract grants: its scopes as
 * {@code SCOPE_<scope>}, its roles as {@code ROLE_<role>} ({@link TokenAuthorities}).
 */
public final class Authorities {

    /** The worker's own token (client credentials): the saga's writes and reads. */
    public static final String SAGA = "SCOPE_saga";

    /**
     * A signed-in person's delegated token, as the gateway relays it: reads on their
     * behalf.
     */
    public static final String SHOP = "SCOPE_shop";

    /** A person who runs the shop: restocks, customers, the simulated processor. */
    public static final String OPERATOR = "ROLE_OPERATOR";

    public static final String SHOPPER = "ROLE_SHOPPER";

    private Authorities() {
    }

}
