package io.sagashop.payment.charge;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.UuidGenerator;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/**
 * Money given back for a captured payment. Created only through
 * {@link Payment#refund(Instant)}.
 */
@Entity
@Table(name = "refund")
class Refund {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "payment_id", nullable = false, updatable = false)
    private Payment payment;

    private long amountCents;

    private Instant createdAt;

    protected Refund() {
    }

    Refund(Payment payment, long amountCents, Instant createdAt) {
        this.payment = payment;
        this.amountCents = amountCents;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    long amountCents() {
        return amountCents;
    }

    Instant createdAt() {
        return createdAt;
    }

}
