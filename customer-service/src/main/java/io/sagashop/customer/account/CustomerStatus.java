package io.sagashop.customer.account;

enum CustomerStatus {

    ACTIVE,
    /** Kept for history and lookups, but every order check fails. */
    BLOCKED

}
