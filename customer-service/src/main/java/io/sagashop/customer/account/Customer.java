package io.sagashop.customer.account;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A customer and what decides whether they may order: their status and credit limit. Rows
 * are created by a registration, whose idempotency key the row claims, or by the seed
 * migration.
 */
@Entity
@Table(name = "customer")
class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
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

    private Customer(String name, String email, long creditLimitCents, String creationKey, Instant createdAt) {
        this.name = name;
        this.email = email;
        this.status = CustomerStatus.ACTIVE;
        this.creditLimitCents = creditLimitCents;
        this.creationKey = creationKey;
        this.createdAt = createdAt;
    }

    /** An active customer registered by the request with this idempotency key. */
    static Customer register(String name, String email, long creditLimitCents, String creationKey, Instant now) {
        return new Customer(name, normalizeEmail(email), creditLimitCents, creationKey, now);
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

    boolean isRegisteredBy(String idempotencyKey) {
        return idempotencyKey.equals(creationKey);
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
