package io.sagashop.payment.charge;

import static io.sagashop.payment.ProblemAssertions.expectInvalidField;
import static io.sagashop.payment.ProblemAssertions.expectProblem;
import static io.sagashop.payment.charge.PaymentApi.chargeOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.sagashop.payment.processor.TestCardToken;
import io.sagashop.testsupport.service.ServiceApplicationTest;

@ServiceApplicationTest
class RefundTest {

    private final RestTestClient client;

    private final PaymentApi api;

    private final PaymentTables tables;

    RefundTest(@Autowired RestTestClient client, @Autowired JdbcClient jdbc) {
        this.client = client;
        this.api = new PaymentApi(client);
        this.tables = new PaymentTables(jdbc);
    }

    @Test
    void refundsTheFullAmountOnceHoweverOftenItIsAsked() {
        UUID orderId = UUID.randomUUID();
        PaymentResponse charged = api.chargeExpecting(201, orderId, chargeOf(8_800, TestCardToken.VISA));

        PaymentResponse first = api.refundExpectingOk(orderId);
        PaymentResponse again = api.refundExpectingOk(orderId);

        assertThat(first.paymentId()).isEqualTo(charged.paymentId());
        assertThat(first.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(first.refund()).isNotNull();
        assertThat(first.refund().refundId()).isNotNull();
        assertThat(first.refund().amountCents()).isEqualTo(8_800);
        assertThat(again).isEqualTo(first);
        assertThat(tables.refunds(orderId)).isOne();
        assertThat(tables.status(orderId)).isEqualTo("REFUNDED");
        api.find(orderId).expectStatus().isOk().expectBody(PaymentResponse.class).isEqualTo(first);
    }

    @Test
    void refundOfADeclinedPaymentChangesNothing() {
        UUID orderId = UUID.randomUUID();
        expectProblem(api.charge(orderId, chargeOf(500, TestCardToken.DECLINED)), HttpStatus.UNPROCESSABLE_CONTENT,
                "card-declined");

        PaymentResponse payment = api.refundExpectingOk(orderId);

        assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(payment.refund()).isNull();
        assertThat(tables.refunds(orderId)).isZero();
        assertThat(tables.status(orderId)).isEqualTo("DECLINED");
    }

    @Test
    void refundWithoutPaymentVoidsTheOrderAndALateChargeIsRefused() {
        UUID orderId = UUID.randomUUID();

        PaymentResponse voided = api.refundExpectingOk(orderId);

        assertThat(voided.status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(voided.amountCents()).isZero();
        assertThat(voided.customerId()).isNull();
        assertThat(voided.refund()).isNull();
        expectProblem(api.charge(orderId, chargeOf(1_500, TestCardToken.VISA)), HttpStatus.CONFLICT, "payment-voided")
            .jsonPath("$.orderId")
            .isEqualTo(orderId.toString())
            .jsonPath("$.paymentId")
            .isEqualTo(voided.paymentId().toString());
        assertThat(tables.payments(orderId)).isOne();
        assertThat(tables.status(orderId)).isEqualTo("VOIDED");
        assertThat(tables.refunds(orderId)).isZero();
        assertThat(api.refundExpectingOk(orderId)).isEqualTo(voided);
    }

    @Test
    void chargeReplayAfterARefundShowsTheRefundedPayment() {
        UUID orderId = UUID.randomUUID();
        ChargeRequest request = chargeOf(2_200, TestCardToken.VISA);
        api.chargeExpecting(201, orderId, request);
        PaymentResponse refunded = api.refundExpectingOk(orderId);

        PaymentResponse replay = api.chargeExpecting(200, orderId, request);

        assertThat(replay).isEqualTo(refunded);
        assertThat(tables.refunds(orderId)).isOne();
    }

    @Test
    void aChargeRacingARefundNeverLeavesTheMoneyTaken() throws Exception {
        UUID orderId = UUID.randomUUID();
        ChargeRequest request = chargeOf(4_000, TestCardToken.VISA);
        CountDownLatch start = new CountDownLatch(1);

        try (ExecutorService executor = Executors.newFixedThreadPool(2)) {
            Future<Integer> charge = executor.submit(() -> {
                start.await();
                return api.charge(orderId, request).returnResult().getStatus().value();
            });
            Future<PaymentResponse> refund = executor.submit(() -> {
                start.await();
                return api.refundExpectingOk(orderId);
            });
            start.countDown();

            int chargeStatus = charge.get(30, TimeUnit.SECONDS);
            PaymentStatus afterRefund = refund.get(30, TimeUnit.SECONDS).status();

            // Either the charge came first and was refunded, or the void came first and
            // the charge was refused.
            if (afterRefund == PaymentStatus.REFUNDED) {
                assertThat(chargeStatus).isEqualTo(201);
                assertThat(tables.refunds(orderId)).isOne();
            }
            else {
                assertThat(afterRefund).isEqualTo(PaymentStatus.VOIDED);
                assertThat(chargeStatus).isEqualTo(409);
            }
        }
        assertThat(tables.payments(orderId)).isOne();
        assertThat(tables.status(orderId)).isIn("REFUNDED", "VOIDED");
    }

    @Test
    void refusesAnOrderIdThatIsNotAUuid() {
        expectInvalidField(client.post().uri("/api/payments/not-a-uuid/refund").exchange(), "orderId");
    }

}
