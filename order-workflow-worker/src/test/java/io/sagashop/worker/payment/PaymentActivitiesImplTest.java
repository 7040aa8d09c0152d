package io.sagashop.worker.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagashop.worker.http.StubServer;
import io.temporal.failure.ApplicationFailure;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;

class PaymentActivitiesImplTest {

    private final UUID orderId = UUID.randomUUID();

    private final UUID customerId = UUID.randomUUID();

    private final UUID paymentId = UUID.randomUUID();

    private final StubServer paymentService = StubServer.start();

    private final PaymentActivities activities = new PaymentActivitiesImpl(StubServer.serviceClients(),
            paymentService.asEveryService());

    @AfterEach
    void stopService() {
        paymentService.close();
    }

    @Test
    void chargesTheTotalAndAnswersThePaymentId() throws Exception {
        paymentService.answer("PUT", "/api/payments/" + orderId, 201, payment("CAPTURED"));

        UUID charged = activities.chargePayment(orderId, new Charge(customerId, 4190, "EUR", "tok_visa"));

        assertThat(charged).isEqualTo(paymentId);
        JSONAssert.assertEquals("""
                {"customerId":"%s","amountCents":4190,"currency":"EUR","paymentToken":"tok_visa"}"""
            .formatted(customerId), paymentService.onlyRequest().body(), true);
    }

    @Test
    void declinedCardIsABusinessFailure() {
        paymentService.answerProblem("PUT", "/api/payments/" + orderId, 422, "card-declined", "The card was declined");

        assertThatThrownBy(() -> activities.chargePayment(orderId, new Charge(customerId, 4190, "EUR", "tok_declined")))
            .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                assertThat(failure.getType()).isEqualTo("card-declined");
                assertThat(failure.isNonRetryable()).isTrue();
            });
    }

    @Test
    void unavailableProcessorIsRetried() {
        paymentService.answerProblem("PUT", "/api/payments/" + orderId, 503, "processor-unavailable",
                "The payment processor is unavailable");

        assertThatThrownBy(() -> activities.chargePayment(orderId, new Charge(customerId, 4190, "EUR", "tok_flaky")))
            .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                assertThat(failure.getType()).isEqualTo("processor-unavailable");
                assertThat(failure.isNonRetryable()).isFalse();
            });
    }

    @Test
    void refundsThePayment() {
        paymentService.answer("POST", "/api/payments/" + orderId + "/refund", 200, payment("VOIDED"));

        activities.refundPayment(orderId);

        assertThat(paymentService.onlyRequest().path()).isEqualTo("/api/payments/" + orderId + "/refund");
    }

    private String payment(String status) {
        return """
                {"paymentId":"%s","orderId":"%s","customerId":"%s","status":"%s","amountCents":4190,"currency":"EUR",
                 "declineCode":null,"createdAt":"2025-01-01T10:00:00Z","refund":null}""".formatted(paymentId, orderId,
                customerId, status);
    }

}
