package io.sagashop.payment.charge;

import static io.sagashop.payment.ProblemAssertions.expectInvalidField;
import static io.sagashop.payment.ProblemAssertions.expectProblem;
import static io.sagashop.payment.charge.PaymentApi.chargeOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.sagashop.payment.processor.DeclineCode;
import io.sagashop.payment.processor.TestCardToken;
import io.sagashop.testsupport.service.ServiceApplicationTest;

@ServiceApplicationTest
class ChargeTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    private final RestTestClient client;

    private final PaymentApi api;

    private final PaymentTables tables;

    ChargeTest(@Autowired RestTestClient client, @Autowired JdbcClient jdbc) {
        this.client = client;
        this.api = new PaymentApi(client);
        this.tables = new PaymentTables(jdbc);
    }

    @AfterEach
    void clearFaults() {
        api.clearFaults();
    }

    @Test
    void capturesTheChargeAndRecordsOnePayment() {
        UUID orderId = UUID.randomUUID();
        ChargeRequest request = chargeOf(4_250, TestCardToken.VISA);

        EntityExchangeResult<PaymentResponse> result = api.charge(orderId, request)
            .expectStatus()
            .isCreated()
            .expectHeader()
            .value(HttpHeaders.LOCATION, location -> assertThat(location).endsWith("/api/payments/" + orderId))
            .expectBody(PaymentResponse.class)
            .returnResult();

        PaymentResponse payment = result.getResponseBody();
        assertThat(payment.paymentId()).isNotNull();
        assertThat(payment.orderId()).isEqualTo(orderId);
        assertThat(payment.customerId()).isEqualTo(request.customerId());
        assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(payment.amountCents()).isEqualTo(4_250);
        assertThat(payment.currency()).isEqualTo("EUR");
        assertThat(payment.declineCode()).isNull();
        assertThat(payment.createdAt()).isNotNull();
        assertThat(payment.refund()).isNull();
        assertThat(tables.payments(orderId)).isOne();
        assertThat(tables.status(orderId)).isEqualTo("CAPTURED");
        assertThat(tables.paymentToken(orderId)).isEqualTo("tok_visa");
    }

    @Test
    void replayReturnsTheFirstResultAndAddsNoRow() {
        UUID orderId = UUID.randomUUID();
        ChargeRequest request = chargeOf(1_999, TestCardToken.VISA);

        PaymentResponse first = api.chargeExpecting(201, orderId, request);
        PaymentResponse replay = api.chargeExpecting(200, orderId, request);

        assertThat(replay).isEqualTo(first);
        assertThat(tables.payments(orderId)).isOne();
    }

    @Test
    void findReturnsTheChargedPayment() {
        UUID orderId = UUID.randomUUID();
        PaymentResponse charged = api.chargeExpecting(201, orderId, chargeOf(700, TestCardToken.VISA));

        api.find(orderId).expectStatus().isOk().expectBody(PaymentResponse.class).isEqualTo(charged);
    }

    @Test
    void findOfAnOrderWithoutPaymentIsNotFound() {
        UUID orderId = UUID.randomUUID();

        expectProblem(api.find(orderId), HttpStatus.NOT_FOUND, "payment-not-found").jsonPath("$.id")
            .isEqualTo(orderId.toString());
    }

    @Test
    void recordsADeclineAndReplaysItWithoutAskingTheProcessorAgain() {
        UUID orderId = UUID.randomUUID();
        ChargeRequest request = chargeOf(5_000, TestCardToken.DECLINED);

        Map<String, Object> first = problemBody(orderId, request);

        assertThat(first).containsEntry("type", "urn:sagashop:problem:card-declined")
            .containsEntry("declineCode", "CARD_DECLINED")
            .containsKey("paymentId");
        assertThat(tables.payments(orderId)).isOne();
        assertThat(tables.status(orderId)).isEqualTo("DECLINED");
        assertThat(tables.declineCode(orderId)).isEqualTo("CARD_DECLINED");

        // Had a replay reached the processor, it would have used up this failure and
        // answered 503.
        api.injectFaults(1, 0);
        expectProblem(api.charge(orderId, request), HttpStatus.UNPROCESSABLE_CONTENT, "card-declined")
            .jsonPath("$.paymentId")
            .isEqualTo(first.get("paymentId"));
        Map<String, Object> replay = problemBody(orderId, request);

        assertThat(replay).isEqualTo(first);
        assertThat(api.faults().failNextCalls()).isOne();
        assertThat(tables.payments(orderId)).isOne();
        api.find(orderId).expectStatus().isOk().expectBody(PaymentResponse.class).value(payment -> {
            assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
            assertThat(payment.declineCode()).isEqualTo(DeclineCode.CARD_DECLINED);
            assertThat(payment.paymentId()).hasToString((String) replay.get("paymentId"));
        });
    }

    @Test
    void declinesForInsufficientFunds() {
        UUID orderId = UUID.randomUUID();

        expectProblem(api.charge(orderId, chargeOf(900_000, TestCardToken.INSUFFICIENT_FUNDS)),
                HttpStatus.UNPROCESSABLE_CONTENT, "insufficient-funds")
            .jsonPath("$.paymentId")
            .isNotEmpty()
            .jsonPath("$.orderId")
            .isEqualTo(orderId.toString());

        assertThat(tables.status(orderId)).isEqualTo("DECLINED");
        assertThat(tables.declineCode(orderId)).isEqualTo("INSUFFICIENT_FUNDS");
    }

    @Test
    void sameOrderWithAnotherAmountIsAConflict() {
        UUID orderId = UUID.randomUUID();
        ChargeRequest request = chargeOf(1_000, TestCardToken.VISA);
        PaymentResponse first = api.chargeExpecting(201, orderId, request);

        ChargeRequest otherAmount = new ChargeRequest(request.customerId(), 1_001L, "EUR", TestCardToken.VISA.token());
        expectProblem(api.charge(orderId, otherAmount), HttpStatus.CONFLICT, "idempotency-conflict").jsonPath("$.key")
            .isEqualTo(orderId.toString());

        assertThat(tables.payments(orderId)).isOne();
        api.find(orderId).expectStatus().isOk().expectBody(PaymentResponse.class).isEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = { "customerId", "currency", "paymentToken" })
    void sameOrderWithAnyOtherPayloadIsAConflict(String changed) {
        UUID orderId = UUID.randomUUID();
        ChargeRequest request = chargeOf(1_000, TestCardToken.VISA);
        api.chargeExpecting(201, orderId, request);

        ChargeRequest other = switch (changed) {
            case "customerId" -> new ChargeRequest(UUID.randomUUID(), 1_000L, "EUR", TestCardToken.VISA.token());
            case "currency" -> new ChargeRequest(request.customerId(), 1_000L, "USD", TestCardToken.VISA.token());
            default -> new ChargeRequest(request.customerId(), 1_000L, "EUR", TestCardToken.FLAKY.token());
        };
        expectProblem(api.charge(orderId, other), HttpStatus.CONFLICT, "idempotency-conflict");

        assertThat(tables.payments(orderId)).isOne();
    }

    @Test
    void retryingADeclinedOrderWithAnotherCardIsAConflict() {
        UUID orderId = UUID.randomUUID();
        ChargeRequest declined = chargeOf(3_000, TestCardToken.DECLINED);
        expectProblem(api.charge(orderId, declined), HttpStatus.UNPROCESSABLE_CONTENT, "card-declined");

        ChargeRequest otherCard = new ChargeRequest(declined.customerId(), 3_000L, "EUR", TestCardToken.VISA.token());
        expectProblem(api.charge(orderId, otherCard), HttpStatus.CONFLICT, "idempotency-conflict");

        assertThat(tables.status(orderId)).isEqualTo("DECLINED");
    }

    @Test
    void parallelIdenticalChargesChargeOnce() throws Exception {
        UUID orderId = UUID.randomUUID();
        ChargeRequest request = chargeOf(12_345, TestCardToken.VISA);
        // A slow processor keeps the first charge in flight while the others arrive.
        api.injectFaults(0, 200);
        int parallel = 10;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<EntityExchangeResult<PaymentResponse>>> answers = new ArrayList<>();

        try (ExecutorService executor = Executors.newFixedThreadPool(parallel)) {
            for (int i = 0; i < parallel; i++) {
                answers.add(executor.submit(() -> {
                    start.await();
                    return api.charge(orderId, request).expectBody(PaymentResponse.class).returnResult();
                }));
            }
            start.countDown();

            List<Integer> statuses = new ArrayList<>();
            List<UUID> paymentIds = new ArrayList<>();
            for (Future<EntityExchangeResult<PaymentResponse>> answer : answers) {
                EntityExchangeResult<PaymentResponse> result = answer.get(30, TimeUnit.SECONDS);
                statuses.add(result.getStatus().value());
                paymentIds.add(result.getResponseBody().paymentId());
            }

            assertThat(statuses).containsOnly(200, 201).filteredOn(status -> status == 201).hasSize(1);
            assertThat(paymentIds).doesNotContainNull().containsOnly(paymentIds.getFirst());
        }
        assertThat(tables.payments(orderId)).isOne();
    }

    @ParameterizedTest
    @ValueSource(strings = { "customerId", "amountCents", "currency", "paymentToken" })
    void refusesAMissingField(String field) {
        UUID orderId = UUID.randomUUID();
        Map<String, Object> body = validBody();
        body.remove(field);

        expectInvalidField(api.charge(orderId, body), field);

        assertThat(tables.payments(orderId)).isZero();
    }

    @ParameterizedTest
    @ValueSource(longs = { 0, -1, 10_000_001 })
    void refusesAnAmountOutOfRange(long amountCents) {
        UUID orderId = UUID.randomUUID();
        Map<String, Object> body = validBody();
        body.put("amountCents", amountCents);

        expectInvalidField(api.charge(orderId, body), "amountCents");

        assertThat(tables.payments(orderId)).isZero();
    }

    @Test
    void acceptsTheLargestAmount() {
        UUID orderId = UUID.randomUUID();

        PaymentResponse payment = api.chargeExpecting(201, orderId, chargeOf(10_000_000, TestCardToken.VISA));

        assertThat(payment.amountCents()).isEqualTo(10_000_000);
    }

    @Test
    void refusesAnAmountThatIsNotANumber() {
        Map<String, Object> body = validBody();
        body.put("amountCents", "ten euros");

        expectInvalidField(api.charge(UUID.randomUUID(), body), "amountCents");
    }

    @ParameterizedTest
    @ValueSource(strings = { "eur", "EURO", "E1R", "" })
    void refusesACurrencyThatIsNotAnIsoCode(String currency) {
        Map<String, Object> body = validBody();
        body.put("currency", currency);

        expectInvalidField(api.charge(UUID.randomUUID(), body), "currency");
    }

    @Test
    void refusesACurrencyThatIsNoIsoCodeWithoutCharging() {
        UUID orderId = UUID.randomUUID();
        Map<String, Object> body = validBody();
        body.put("currency", "XYZ");

        expectInvalidField(api.charge(orderId, body), "currency").jsonPath("$.errors[0].reason")
            .isEqualTo("must be an ISO 4217 currency code such as EUR");

        assertThat(tables.payments(orderId)).isZero();
    }

    @Test
    void refusesACurrencyTheShopDoesNotSellInWithoutCharging() {
        UUID orderId = UUID.randomUUID();
        Map<String, Object> body = validBody();
        body.put("currency", "USD");

        expectProblem(api.charge(orderId, body), HttpStatus.UNPROCESSABLE_CONTENT, "unsupported-currency")
            .jsonPath("$.currency")
            .isEqualTo("USD")
            .jsonPath("$.supported")
            .isEqualTo("EUR")
            .jsonPath("$.errors[0].field")
            .isEqualTo("currency");

        assertThat(tables.payments(orderId)).isZero();
    }

    @Test
    void declinesATokenTheProcessorDoesNotKnowAndRecordsTheDecline() {
        UUID orderId = UUID.randomUUID();
        Map<String, Object> body = validBody();
        body.put("paymentToken", "pm_1PqRsT2eZvKYlo2C8xYzAbCd");

        Map<String, Object> first = problemBody(orderId, body);

        assertThat(first).containsEntry("type", "urn:sagashop:problem:card-declined")
            .containsEntry("declineCode", "UNKNOWN_TOKEN")
            .containsEntry("orderId", orderId.toString())
            .containsKey("paymentId");
        assertThat((String) first.get("detail")).contains("payment token");
        assertThat(tables.payments(orderId)).isOne();
        assertThat(tables.status(orderId)).isEqualTo("DECLINED");
        assertThat(tables.declineCode(orderId)).isEqualTo("UNKNOWN_TOKEN");
        assertThat(tables.paymentToken(orderId)).isEqualTo("pm_1PqRsT2eZvKYlo2C8xYzAbCd");

        // Had the replay reached the processor, it would have used up this failure and
        // answered 503.
        api.injectFaults(1, 0);
        assertThat(problemBody(orderId, body)).isEqualTo(first);
        assertThat(api.faults().failNextCalls()).isOne();
        assertThat(tables.payments(orderId)).isOne();
        api.find(orderId).expectStatus().isOk().expectBody(PaymentResponse.class).value(payment -> {
            assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
            assertThat(payment.declineCode()).hasToString("UNKNOWN_TOKEN");
        });
    }

    @Test
    void recordsATokenOfTheLongestLengthAsSent() {
        UUID orderId = UUID.randomUUID();
        String token = "tok_" + "Ab9-_".repeat(50) + "x";
        Map<String, Object> body = validBody();
        body.put("paymentToken", token);

        expectProblem(api.charge(orderId, body), HttpStatus.UNPROCESSABLE_CONTENT, "card-declined")
            .jsonPath("$.declineCode")
            .isEqualTo("UNKNOWN_TOKEN");

        assertThat(token).hasSize(255);
        assertThat(tables.paymentToken(orderId)).isEqualTo(token);
    }

    @Test
    void retryingAnUnknownTokenWithAKnownOneIsAConflict() {
        UUID orderId = UUID.randomUUID();
        Map<String, Object> body = validBody();
        body.put("paymentToken", "tok_mastercard");
        expectProblem(api.charge(orderId, body), HttpStatus.UNPROCESSABLE_CONTENT, "card-declined");

        body.put("paymentToken", "tok_visa");
        expectProblem(api.charge(orderId, body), HttpStatus.CONFLICT, "idempotency-conflict");

        assertThat(tables.status(orderId)).isEqualTo("DECLINED");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "tok visa", "tok_visa;drop", "tök_visa", "tok_visa\n" })
    void refusesAMalformedPaymentTokenWithoutCharging(String token) {
        UUID orderId = UUID.randomUUID();
        Map<String, Object> body = validBody();
        body.put("paymentToken", token);

        expectInvalidField(api.charge(orderId, body), "paymentToken").jsonPath("$.errors[0].reason")
            .isEqualTo("must be 1 to 255 letters, digits, '_' or '-'");

        assertThat(tables.payments(orderId)).isZero();
    }

    @Test
    void refusesAPaymentTokenLongerThanAnyProvidersWithoutCharging() {
        UUID orderId = UUID.randomUUID();
        Map<String, Object> body = validBody();
        body.put("paymentToken", "t".repeat(256));

        expectInvalidField(api.charge(orderId, body), "paymentToken");

        assertThat(tables.payments(orderId)).isZero();
    }

    @Test
    void refusesAnOrderIdThatIsNotAUuid() {
        expectInvalidField(client.put()
            .uri("/api/payments/order-1")
            .contentType(MediaType.APPLICATION_JSON)
            .body(validBody())
            .exchange(), "orderId");
    }

    @Test
    void refusesMalformedJson() {
        UUID orderId = UUID.randomUUID();

        expectProblem(api.charge(orderId, "{\"customerId\": "), HttpStatus.BAD_REQUEST, "malformed-request");

        assertThat(tables.payments(orderId)).isZero();
    }

    @Test
    void refusesAnOversizedBody() {
        UUID orderId = UUID.randomUUID();
        String body = "{\"currency\": \"EUR\", \"padding\": \"" + "x".repeat(70 * 1024) + "\"}";

        expectProblem(api.charge(orderId, body), HttpStatus.CONTENT_TOO_LARGE, "request-too-large");

        assertThat(tables.payments(orderId)).isZero();
    }

    private Map<String, Object> problemBody(UUID orderId, Object request) {
        return api.charge(orderId, request)
            .expectStatus()
            .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
            .expectHeader()
            .doesNotExist(HttpHeaders.RETRY_AFTER)
            .expectBody(JSON_OBJECT)
            .returnResult()
            .getResponseBody();
    }

    private static Map<String, Object> validBody() {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", UUID.randomUUID().toString());
        body.put("amountCents", 2_500);
        body.put("currency", "EUR");
        body.put("paymentToken", "tok_visa");
        return body;
    }

}
