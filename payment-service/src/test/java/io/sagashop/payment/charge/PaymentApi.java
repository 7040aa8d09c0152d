package io.sagashop.payment.charge;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import io.sagashop.payment.processor.TestCardToken;
import io.sagashop.testsupport.security.TestIssuer;

/**
 * The payment service's endpoints as a caller (the saga's worker, an operator) uses them.
 */
final class PaymentApi {

    private final RestTestClient client;

    PaymentApi(RestTestClient client) {
        this.client = client;
    }

    static ChargeRequest chargeOf(long amountCents, TestCardToken token) {
        return new ChargeRequest(UUID.randomUUID(), amountCents, "EUR", token.token());
    }

    ResponseSpec charge(UUID orderId, Object body) {
        return client.put()
            .uri("/api/payments/{orderId}", orderId)
            .contentType(MediaType.APPLICATION_JSON)
            .body(body)
            .exchange();
    }

    PaymentResponse chargeExpecting(int status, UUID orderId, ChargeRequest request) {
        return charge(orderId, request).expectStatus()
            .isEqualTo(status)
            .expectBody(PaymentResponse.class)
            .returnResult()
            .getResponseBody();
    }

    ResponseSpec refund(UUID orderId) {
        return client.post().uri("/api/payments/{orderId}/refund", orderId).exchange();
    }

    PaymentResponse refundExpectingOk(UUID orderId) {
        return refund(orderId).expectStatus().isOk().expectBody(PaymentResponse.class).returnResult().getResponseBody();
    }

    /** An operator looks a payment up; the saga may too. */
    ResponseSpec find(UUID orderId) {
        return client.get()
            .uri("/api/payments/{orderId}", orderId)
            .header(HttpHeaders.AUTHORIZATION, operator())
            .exchange();
    }

    void injectFaults(int failNextCalls, int latencyMillis) {
        client.put()
            .uri("/api/operator/processor-faults")
            .header(HttpHeaders.AUTHORIZATION, operator())
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("failNextCalls", failNextCalls, "latencyMillis", latencyMillis))
            .exchange()
            .expectStatus()
            .isOk();
    }

    Faults faults() {
        return client.get()
            .uri("/api/operator/processor-faults")
            .header(HttpHeaders.AUTHORIZATION, operator())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Faults.class)
            .returnResult()
            .getResponseBody();
    }

    void clearFaults() {
        client.delete()
            .uri("/api/operator/processor-faults")
            .header(HttpHeaders.AUTHORIZATION, operator())
            .exchange()
            .expectStatus()
            .isNoContent();
    }

    /**
     * Faults and look-ups are an operator's calls; the saga's worker makes the others.
     */
    private static String operator() {
        return TestIssuer.bearer(TestIssuer.shared().operator());
    }

    record Faults(int failNextCalls, int latencyMillis) {
    }

}
