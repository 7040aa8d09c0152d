package io.sagashop.payment.charge;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.sagashop.payment.processor.CardProcessor;
import io.sagashop.payment.processor.ChargeDecision;
import io.sagashop.payment.processor.ProcessorUnavailableException;
import io.sagashop.problem.IdempotencyConflictException;
import io.sagashop.problem.ResourceNotFoundException;
import io.sagashop.support.currency.ShopCurrencies;
import io.sagashop.support.currency.UnsupportedCurrencyException;
import io.sagashop.support.idempotency.Written;

/**
 * Charges and refunds orders, idempotently on the order id. Every write first takes the
 * order's {@link ChargeLock}, so a charge and a refund of the same order, or two copies
 * of one charge, run one after the other and each sees what the previous one committed.
 */
@Service
class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    private final PaymentRepository payments;

    private final ChargeLock chargeLock;

    private final CardProcessor processor;

    private final ShopCurrencies currencies;

    private final Clock clock;

    PaymentService(PaymentRepository payments, ChargeLock chargeLock, CardProcessor processor,
            ShopCurrencies currencies, Clock clock) {
        this.payments = payments;
        this.chargeLock = chargeLock;
        this.processor = processor;
        this.currencies = currencies;
        this.clock = clock;
    }

    /**
     * Charges the order once; a repeated request replays the stored outcome without
     * asking the processor again. The transaction commits even when the charge ends in a
     * decline (the decline is the recorded outcome) or in an unavailable processor (the
     * flaky token's attempt count must stick, and no payment was written). It holds the
     * {@link ChargeLock} rather than being a first write of
     * {@link io.sagashop.support.idempotency.IdempotentWrites}: the processor call cannot
     * be rolled back.
     *
     * <p>
     * The processor is called inside the transaction, holding a pooled connection and the
     * order's charge lock. That is fine for the in-process simulator; with a real
     * provider, commit a PENDING payment first, call the provider with the order id as
     * its idempotency key, and record the answer in a second transaction, so that a slow
     * provider cannot exhaust the connection pool.
     * @throws PaymentDeclinedException when the charge is, or was, declined
     * @throws ProcessorUnavailableException when the processor could not answer; retry
     * later
     * @throws PaymentVoidedException when the order was compensated before this charge
     * @throws UnsupportedCurrencyException when the shop does not sell in the charge's
     * currency
     * @throws IdempotencyConflictException when the order was charged with another
     * payload
     */
    @Transactional(noRollbackFor = { PaymentDeclinedException.class, ProcessorUnavailableException.class })
    Written<PaymentResponse> charge(UUID orderId, ChargeRequest request) {
        chargeLock.lock(orderId);
        Payment existing = payments.findByOrderId(orderId).orElse(null);
        if (existing != null) {
            return replay(existing, request);
        }
        currencies.requireSupported(request.currency());
        ChargeDecision decision = processor.charge(orderId, request.paymentToken(), request.amountCents(),
                request.currency());
        Payment payment = payments.save(Payment.charged(orderId, request.customerId(), request.amountCents(),
                request.currency(), request.paymentToken(), decision, now()));
        log.info("Order {} charged: payment {} {}", orderId, payment.id(), payment.status());
        return answer(payment, true);
    }

    /**
     * Gives the order's money back, or voids the order when no charge has arrived yet.
     * Repeating it changes nothing and answers the same.
     */
    @Transactional
    PaymentResponse refund(UUID orderId) {
        // Waits for a charge of this order that is at the processor: a void never slips
        // in
        // between its call and its insert.
        chargeLock.lock(orderId);
        Payment payment = payments.findByOrderId(orderId).orElse(null);
        if (payment == null) {
            payment = payments.save(Payment.voided(orderId, now()));
            log.info("Order {} voided before any charge: payment {}", orderId, payment.id());
        }
        else {
            PaymentStatus before = payment.status();
            payment.refund(now());
            if (payment.status() != before) {
                // The refund is persisted by cascade at flush; flushing now gives it the
                // id the answer shows.
                payments.flush();
                log.info("Order {} refunded: payment {} {} cents", orderId, payment.id(), payment.amountCents());
            }
        }
        return PaymentResponse.of(payment);
    }

    @Transactional(readOnly = true)
    PaymentResponse find(UUID orderId) {
        return payments.findByOrderId(orderId)
            .map(PaymentResponse::of)
            .orElseThrow(() -> new ResourceNotFoundException("payment", orderId));
    }

    private Written<PaymentResponse> replay(Payment payment, ChargeRequest request) {
        if (payment.isVoided()) {
            throw new PaymentVoidedException(payment.orderId(), payment.id());
        }
        if (!payment.isChargeOf(request.customerId(), request.amountCents(), request.currency(),
                request.paymentToken())) {
            throw new IdempotencyConflictException(payment.orderId().toString());
        }
        return answer(payment, false);
    }

    private static Written<PaymentResponse> answer(Payment payment, boolean created) {
        PaymentResponse response = PaymentResponse.of(payment);
        if (payment.isDeclined()) {
            throw new PaymentDeclinedException(response, payment.declineCode());
        }
        return new Written<>(response, created);
    }

    private Instant now() {
        return clock.instant();
    }

}
