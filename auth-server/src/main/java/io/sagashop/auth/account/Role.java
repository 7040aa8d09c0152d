package io.sagashop.auth.account;

/**
 * What a person may do in the shop; the value of the {@code roles} claim, which the
 * services turn into {@code ROLE_SHOPPER} and {@code ROLE_OPERATOR}.
 */
public enum Role {

    SHOPPER, OPERATOR

}
