package io.sagashop.customer.account;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A customer and what decides whether they may order: their status and credit limit. Rows
 * are created by {@link CustomerRepository#insertIfAbsent} (which claims the idempotency
 * key) or by the seed migration.
 */
@Entity
@Table(name = "customer")
class Customer {

    @Id
    private UUID id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 254)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CustomerStatus status;

    @Column(name = "credit_limit_cents", nullable = false)
    private long creditLimitCents;

    @Column(name = "creation_key", length = 100)
    private String creationKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Customer() {
        // for JPA
    }

    /** Addresses are compared case-insensitively; the table stores them in this form. */
    static String normalizeEmail(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    /**
     * Approves an order of the given amount or says why not. Each order is checked on its
     * own against the limit: the limit caps a single order, it is not a running balance.
     */
    void checkOrder(long amountCents) {
        if (status == CustomerStatus.BLOCKED) {
            throw new CustomerBlockedException(id);
        }
        if (amountCents > creditLimitCents) {
            throw new CreditLimitExceededException(id, amountCents, creditLimitCents);
        }
    }

    /**
     * Whether this customer is what a registration with these (normalized) values would
     * have created.
     */
    boolean isRegistrationOf(String name, String email, long creditLimitCents) {
        return this.name.equals(name) && this.email.equals(email) && this.creditLimitCents == creditLimitCents;
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    String email() {
        return email;
    }

    CustomerStatus status() {
        return status;
    }

    long creditLimitCents() {
        return creditLimitCents;
    }

    Instant createdAt() {
        return createdAt;
    }

}
