package io.sagashop.payment.charge;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.sagashop.testsupport.service.ServiceApplicationTest;

/**
 * The database keeps the payment invariants even against code that skips the service's
 * rules.
 */
@ServiceApplicationTest
class PaymentSchemaTest {

    private final JdbcClient jdbc;

    PaymentSchemaTest(@Autowired JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Test
    void allowsOnePaymentPerOrder() {
        UUID orderId = UUID.randomUUID();
        insertPayment(orderId, "CAPTURED", 1_000, null);

        assertViolates("payment_order_id_unique", () -> insertPayment(orderId, "CAPTURED", 1_000, null));
    }

    @Test
    void allowsOneRefundPerPayment() {
        UUID paymentId = insertPayment(UUID.randomUUID(), "REFUNDED", 1_000, null);
        insertRefund(paymentId, 1_000);

        assertViolates("refund_payment_id_unique", () -> insertRefund(paymentId, 1_000));
    }

    @Test
    void refusesARefundOfNothing() {
        UUID paymentId = insertPayment(UUID.randomUUID(), "REFUNDED", 1_000, null);

        assertViolates("refund_amount_positive", () -> insertRefund(paymentId, 0));
    }

    @Test
    void refusesARefundOfAnUnknownPayment() {
        assertViolates("refund_payment_fk", () -> insertRefund(UUID.randomUUID(), 1_000));
    }

    @Test
    void refusesANegativeAmount() {
        assertViolates("payment_amount_not_negative", () -> insertPayment(UUID.randomUUID(), "CAPTURED", -1, null));
    }

    @Test
    void refusesAnUnknownStatus() {
        assertViolates("payment_status_known", () -> insertPayment(UUID.randomUUID(), "PENDING", 1_000, null));
    }

    @Test
    void refusesADeclineWithoutItsReason() {
        assertViolates("payment_decline_code_iff_declined",
                () -> insertPayment(UUID.randomUUID(), "DECLINED", 1_000, null));
    }

    @Test
    void refusesADeclineCodeOnACapturedPayment() {
        assertViolates("payment_decline_code_iff_declined",
                () -> insertPayment(UUID.randomUUID(), "CAPTURED", 1_000, "CARD_DECLINED"));
    }

    @Test
    void refusesAnUnknownDeclineCode() {
        assertViolates("payment_decline_code_known",
                () -> insertPayment(UUID.randomUUID(), "DECLINED", 1_000, "STOLEN_CARD"));
    }

    @Test
    void refusesAPaymentTokenOfAnotherShape() {
        assertViolates("payment_token_shape",
                () -> insertPayment(UUID.randomUUID(), "CAPTURED", 1_000, null, "tok visa"));
    }

    private UUID insertPayment(UUID orderId, String status, long amountCents, String declineCode) {
        return insertPayment(orderId, status, amountCents, declineCode, "tok_visa");
    }

    private UUID insertPayment(UUID orderId, String status, long amountCents, String declineCode, String paymentToken) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO payment (id, order_id, customer_id, status, amount_cents, currency, payment_token,
                                     decline_code, created_at, updated_at)
                VALUES (:id, :orderId, :customerId, :status, :amountCents, 'EUR', :paymentToken, :declineCode,
                        now(), now())""")
            .param("id", id)
            .param("orderId", orderId)
            .param("customerId", UUID.randomUUID())
            .param("status", status)
            .param("amountCents", amountCents)
            .param("paymentToken", paymentToken)
            .param("declineCode", declineCode)
            .update();
        return id;
    }

    private void insertRefund(UUID paymentId, long amountCents) {
        jdbc.sql("""
                INSERT INTO refund (id, payment_id, amount_cents, created_at)
                VALUES (:id, :paymentId, :amountCents, now())""")
            .param("id", UUID.randomUUID())
            .param("paymentId", paymentId)
            .param("amountCents", amountCents)
            .update();
    }

    private static void assertViolates(String constraint, Runnable insert) {
        assertThatThrownBy(insert::run).isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageContaining(constraint);
    }

}
