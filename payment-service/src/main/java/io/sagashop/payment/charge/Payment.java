package io.sagashop.payment.charge;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.hibernate.annotations.UuidGenerator;
import org.jspecify.annotations.Nullable;

import io.sagashop.payment.processor.ChargeDecision;
import io.sagashop.payment.processor.DeclineCode;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/**
 * The one payment of an order: the outcome of its charge, or a void that keeps a late
 * charge out. Writers for the same order are serialized by {@link ChargeLock}, so the
 * aggregate needs no optimistic version.
 */
@Entity
@Table(name = "payment")
class Payment {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    private UUID orderId;

    private @Nullable UUID customerId;

    @Enumerated(EnumType.STRING)
    private PaymentStatus status;

    private long amountCents;

    private @Nullable String currency;

    /**
     * As the client sent it, known to the processor or not, so that a replay can be told
     * apart from a charge with another card.
     */
    private @Nullable String paymentToken;

    @Enumerated(EnumType.STRING)
    private @Nullable DeclineCode declineCode;

    private Instant createdAt;

    private Instant updatedAt;

    @OneToOne(mappedBy = "payment", cascade = CascadeType.PERSIST)
    private @Nullable Refund refund;

    protected Payment() {
    }

    private Payment(UUID orderId, @Nullable UUID customerId, PaymentStatus status, long amountCents,
            @Nullable String currency, @Nullable String paymentToken, @Nullable DeclineCode declineCode, Instant now) {
        this.orderId = orderId;
        this.customerId = customerId;
        this.status = status;
        this.amountCents = amountCents;
        this.currency = currency;
        this.paymentToken = paymentToken;
        this.declineCode = declineCode;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * Records what the processor decided; a decline is kept so that a retry gets the same
     * answer.
     */
    static Payment charged(UUID orderId, UUID customerId, long amountCents, String currency, String token,
            ChargeDecision decision, Instant now) {
        PaymentStatus status = decision.isApproved() ? PaymentStatus.CAPTURED : PaymentStatus.DECLINED;
        return new Payment(orderId, customerId, status, amountCents, currency, token, decision.declineCode(), now);
    }

    /**
     * Marks an order that was compensated before any charge arrived, so a charge still in
     * flight is refused.
     */
    static Payment voided(UUID orderId, Instant now) {
        return new Payment(orderId, null, PaymentStatus.VOIDED, 0, null, null, null, now);
    }

    /** Whether a charge request asks for exactly what this payment was created for. */
    boolean isChargeOf(UUID customerId, long amountCents, String currency, String token) {
        return Objects.equals(this.customerId, customerId) && this.amountCents == amountCents
                && Objects.equals(this.currency, currency) && Objects.equals(this.paymentToken, token);
    }

    /**
     * Gives back the full amount of a captured payment. A declined or voided payment took
     * no money and a refunded one was already given back: they stay as they are, so a
     * compensation can be retried any number of times.
     */
    void refund(Instant now) {
        if (status != PaymentStatus.CAPTURED) {
            return;
        }
        refund = new Refund(this, amountCents, now);
        status = PaymentStatus.REFUNDED;
        updatedAt = now;
    }

    boolean isVoided() {
        return status == PaymentStatus.VOIDED;
    }

    boolean isDeclined() {
        return status == PaymentStatus.DECLINED;
    }

    UUID id() {
        return id;
    }

    UUID orderId() {
        return orderId;
    }

    @Nullable UUID customerId() {
        return customerId;
    }

    PaymentStatus status() {
        return status;
    }

    long amountCents() {
        return amountCents;
    }

    @Nullable String currency() {
        return currency;
    }

    @Nullable DeclineCode declineCode() {
        return declineCode;
    }

    Instant createdAt() {
        return createdAt;
    }

    @Nullable Refund refundDetails() {
        return refund;
    }

}
