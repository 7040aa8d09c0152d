package io.sagashop.payment.charge;

import static io.sagashop.payment.ProblemAssertions.expectProblem;
import static io.sagashop.payment.charge.PaymentApi.chargeOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.sagashop.payment.processor.TestCardToken;
import io.sagashop.testsupport.service.ServiceApplicationTest;

/**
 * The processor failing transiently: nothing is recorded, the caller is told to retry,
 * and a retry succeeds.
 */
@ServiceApplicationTest
class ProcessorOutageTest {

    private final PaymentApi api;

    private final PaymentTables tables;

    ProcessorOutageTest(@Autowired RestTestClient client, @Autowired JdbcClient jdbc) {
        this.api = new PaymentApi(client);
        this.tables = new PaymentTables(jdbc);
    }

    @AfterEach
    void clearFaults() {
        api.clearFaults();
    }

    @Test
    void flakyTokenIsUnavailableForTwoAttemptsThenCharges() {
        UUID orderId = UUID.randomUUID();
        ChargeRequest request = chargeOf(2_000, TestCardToken.FLAKY);

        for (int attempt = 1; attempt <= 2; attempt++) {
            expectUnavailable(orderId, request);
            assertThat(tables.payments(orderId)).as("payments after attempt %d", attempt).isZero();
            assertThat(tables.processorAttempts(orderId)).isEqualTo(attempt);
        }
        PaymentResponse payment = api.chargeExpecting(201, orderId, request);

        assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(tables.payments(orderId)).isOne();
        assertThat(tables.paymentToken(orderId)).isEqualTo("tok_flaky");
        assertThat(tables.processorAttempts(orderId)).isEqualTo(3);
    }

    @Test
    void replayOfAFlakyChargeDoesNotCountAnotherAttempt() {
        UUID orderId = UUID.randomUUID();
        ChargeRequest request = chargeOf(2_000, TestCardToken.FLAKY);
        expectUnavailable(orderId, request);
        expectUnavailable(orderId, request);
        PaymentResponse first = api.chargeExpecting(201, orderId, request);

        PaymentResponse replay = api.chargeExpecting(200, orderId, request);

        assertThat(replay).isEqualTo(first);
        assertThat(tables.processorAttempts(orderId)).isEqualTo(3);
    }

    @Test
    void injectedFailuresFailTheNextChargesThenChargesSucceed() {
        UUID orderId = UUID.randomUUID();
        ChargeRequest request = chargeOf(3_500, TestCardToken.VISA);
        api.injectFaults(2, 0);

        expectUnavailable(orderId, request);
        assertThat(api.faults().failNextCalls()).isOne();
        expectUnavailable(orderId, request);
        assertThat(api.faults().failNextCalls()).isZero();
        assertThat(tables.payments(orderId)).isZero();

        PaymentResponse payment = api.chargeExpecting(201, orderId, request);

        assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(tables.payments(orderId)).isOne();
    }

    @Test
    void clearedFaultsNoLongerFailCharges() {
        api.injectFaults(5, 0);

        api.clearFaults();

        assertThat(api.faults()).isEqualTo(new PaymentApi.Faults(0, 0));
        api.chargeExpecting(201, UUID.randomUUID(), chargeOf(100, TestCardToken.VISA));
    }

    @Test
    void injectedLatencyDelaysTheCharge() {
        api.injectFaults(0, 300);

        long started = System.nanoTime();
        api.chargeExpecting(201, UUID.randomUUID(), chargeOf(100, TestCardToken.VISA));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    private void expectUnavailable(UUID orderId, ChargeRequest request) {
        RestTestClient.ResponseSpec response = api.charge(orderId, request);
        response.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1");
        expectProblem(response, HttpStatus.SERVICE_UNAVAILABLE, "processor-unavailable").jsonPath("$.orderId")
            .isEqualTo(orderId.toString());
    }

}
