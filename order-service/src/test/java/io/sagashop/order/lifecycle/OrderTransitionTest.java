package io.sagashop.order.lifecycle;

import static io.sagashop.order.lifecycle.OrderApi.confirmation;
import static io.sagashop.order.lifecycle.OrderApi.expectInvalidField;
import static io.sagashop.order.lifecycle.OrderApi.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.sagashop.testsupport.service.ServiceApplicationTest;

@ServiceApplicationTest
class OrderTransitionTest {

    @Autowired
    private RestTestClient client;

    @Autowired
    private JdbcClient jdbc;

    private OrderApi api;

    @BeforeEach
    void setUp() {
        api = new OrderApi(client);
    }

    @Test
    void confirmsPendingOrderStoringReservationPaymentAndTotal() {
        OrderResponse created = api.createOrder(UUID.randomUUID());
        ConfirmOrderRequest confirmation = confirmation(2_450);

        OrderResponse confirmed = api.transition(created.orderId(), "confirm", confirmation);

        assertThat(confirmed.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(confirmed.reservationId()).isEqualTo(confirmation.reservationId());
        assertThat(confirmed.paymentId()).isEqualTo(confirmation.paymentId());
        assertThat(confirmed.totalCents()).isEqualTo(2_450L);
        assertThat(confirmed.currency()).isEqualTo("EUR");
        assertThat(confirmed.cancelReason()).isNull();
        assertThat(confirmed.createdAt()).isEqualTo(created.createdAt());
        assertThat(confirmed.updatedAt()).isAfterOrEqualTo(created.updatedAt());
        assertThat(confirmed.history()).extracting(OrderResponse.StatusChange::status)
            .containsExactly(OrderStatus.PENDING, OrderStatus.CONFIRMED);
        assertThat(confirmed.history().get(1).changedAt()).isEqualTo(confirmed.updatedAt());
        assertThat(historyRows(created.orderId())).containsExactly("PENDING", "CONFIRMED");
        assertThat(api.order(created.orderId())).isEqualTo(confirmed);
    }

    @Test
    void awaitsApprovalThenCancelsWithTheHistoryInOrder() {
        OrderResponse created = api.createOrder(UUID.randomUUID());

        OrderResponse awaiting = api.transition(created.orderId(), "await-approval",
                new AwaitApprovalRequest("Total above the approval threshold"));
        OrderResponse cancelled = api.transition(created.orderId(), "cancel",
                new CancelOrderRequest("No approval in time"));

        assertThat(awaiting.status()).isEqualTo(OrderStatus.AWAITING_APPROVAL);
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.cancelReason()).isEqualTo("No approval in time");
        assertThat(cancelled.totalCents()).isNull();
        assertThat(cancelled.history())
            .extracting(OrderResponse.StatusChange::status, OrderResponse.StatusChange::reason)
            .containsExactly(tuple(OrderStatus.PENDING, null),
                    tuple(OrderStatus.AWAITING_APPROVAL, "Total above the approval threshold"),
                    tuple(OrderStatus.CANCELLED, "No approval in time"));
        assertThat(cancelled.history()).extracting(OrderResponse.StatusChange::changedAt).isSorted();
        assertThat(historyRows(created.orderId())).containsExactly("PENDING", "AWAITING_APPROVAL", "CANCELLED");
    }

    @Test
    void confirmsAnOrderAwaitingApproval() {
        UUID orderId = api.createOrder(UUID.randomUUID()).orderId();
        api.transition(orderId, "await-approval", new AwaitApprovalRequest("Large order"));

        OrderResponse confirmed = api.transition(orderId, "confirm", confirmation(150_000));

        assertThat(confirmed.history()).extracting(OrderResponse.StatusChange::status)
            .containsExactly(OrderStatus.PENDING, OrderStatus.AWAITING_APPROVAL, OrderStatus.CONFIRMED);
    }

    @Test
    void awaitApprovalReplayReturnsTheSameBodyAndAddsNoHistory() {
        UUID orderId = api.createOrder(UUID.randomUUID()).orderId();
        AwaitApprovalRequest request = new AwaitApprovalRequest("Large order");
        OrderResponse first = api.transition(orderId, "await-approval", request);

        OrderResponse replay = api.transition(orderId, "await-approval", request);

        assertThat(replay).isEqualTo(first);
        assertThat(historyRows(orderId)).containsExactly("PENDING", "AWAITING_APPROVAL");
    }

    @Test
    void awaitApprovalAgainWithAnotherReasonIsAnIdempotencyConflict() {
        UUID orderId = api.createOrder(UUID.randomUUID()).orderId();
        api.transition(orderId, "await-approval", new AwaitApprovalRequest("Large order"));

        expectProblem(api.post(orderId, "await-approval", new AwaitApprovalRequest("Something else")),
                HttpStatus.CONFLICT, "idempotency-conflict");
    }

    @Test
    void confirmReplayReturnsTheSameBodyAndAddsNoHistory() {
        UUID orderId = api.createOrder(UUID.randomUUID()).orderId();
        ConfirmOrderRequest request = confirmation(2_450);
        OrderResponse first = api.transition(orderId, "confirm", request);

        OrderResponse replay = api.transition(orderId, "confirm", request);

        assertThat(replay).isEqualTo(first);
        assertThat(historyRows(orderId)).containsExactly("PENDING", "CONFIRMED");
    }

    @Test
    void confirmAgainWithOtherValuesIsAnIdempotencyConflict() {
        UUID orderId = api.createOrder(UUID.randomUUID()).orderId();
        ConfirmOrderRequest request = confirmation(2_450);
        OrderResponse first = api.transition(orderId, "confirm", request);

        expectProblem(
                api.post(orderId, "confirm",
                        new ConfirmOrderRequest(request.reservationId(), request.paymentId(), 2_451L, "EUR")),
                HttpStatus.CONFLICT, "idempotency-conflict");
        expectProblem(api.post(orderId, "confirm", confirmation(2_450)), HttpStatus.CONFLICT, "idempotency-conflict");

        assertThat(api.order(orderId)).isEqualTo(first);
    }

    @Test
    void cancelReplayReturnsTheSameBodyAndAddsNoHistory() {
        UUID orderId = api.createOrder(UUID.randomUUID()).orderId();
        CancelOrderRequest request = new CancelOrderRequest("Card declined");
        OrderResponse first = api.transition(orderId, "cancel", request);

        OrderResponse replay = api.transition(orderId, "cancel", request);

        assertThat(replay).isEqualTo(first);
        assertThat(historyRows(orderId)).containsExactly("PENDING", "CANCELLED");
    }

    @Test
    void cancelAgainWithAnotherReasonIsAnIdempotencyConflict() {
        UUID orderId = api.createOrder(UUID.randomUUID()).orderId();
        OrderResponse first = api.transition(orderId, "cancel", new CancelOrderRequest("Card declined"));

        expectProblem(api.post(orderId, "cancel", new CancelOrderRequest("Out of stock")), HttpStatus.CONFLICT,
                "idempotency-conflict");

        assertThat(api.order(orderId)).isEqualTo(first);
    }

    @Test
    void confirmingACancelledOrderIsAnIllegalTransition() {
        UUID orderId = api.createOrder(UUID.randomUUID()).orderId();
        OrderResponse cancelled = api.transition(orderId, "cancel", new CancelOrderRequest("Out of stock"));

        expectProblem(api.post(orderId, "confirm", confirmation(2_450)), HttpStatus.CONFLICT, "illegal-transition")
            .jsonPath("$.from")
            .isEqualTo("CANCELLED")
            .jsonPath("$.to")
            .isEqualTo("CONFIRMED");

        assertThat(api.order(orderId)).isEqualTo(cancelled);
    }

    @Test
    void cancellingAConfirmedOrderIsAnIllegalTransition() {
        UUID orderId = api.createOrder(UUID.randomUUID()).orderId();
        OrderResponse confirmed = api.transition(orderId, "confirm", confirmation(2_450));

        expectProblem(api.post(orderId, "cancel", new CancelOrderRequest("Changed my mind")), HttpStatus.CONFLICT,
                "illegal-transition")
            .jsonPath("$.from")
            .isEqualTo("CONFIRMED")
            .jsonPath("$.to")
            .isEqualTo("CANCELLED");

        assertThat(api.order(orderId)).isEqualTo(confirmed);
    }

    @Test
    void finalOrdersCannotAwaitApproval() {
        UUID confirmed = api.createOrder(UUID.randomUUID()).orderId();
        api.transition(confirmed, "confirm", confirmation(2_450));
        UUID cancelled = api.createOrder(UUID.randomUUID()).orderId();
        api.transition(cancelled, "cancel", new CancelOrderRequest("Out of stock"));

        expectProblem(api.post(confirmed, "await-approval", new AwaitApprovalRequest("Large order")),
                HttpStatus.CONFLICT, "illegal-transition")
            .jsonPath("$.from")
            .isEqualTo("CONFIRMED");
        expectProblem(api.post(cancelled, "await-approval", new AwaitApprovalRequest("Large order")),
                HttpStatus.CONFLICT, "illegal-transition")
            .jsonPath("$.from")
            .isEqualTo("CANCELLED");
    }

    @ParameterizedTest
    @ValueSource(strings = { "await-approval", "confirm", "cancel" })
    void transitionOfAnUnknownOrderIsNotFound(String transition) {
        Object body = switch (transition) {
            case "await-approval" -> new AwaitApprovalRequest("Large order");
            case "confirm" -> confirmation(100);
            default -> new CancelOrderRequest("Out of stock");
        };

        expectProblem(api.post(UUID.randomUUID(), transition, body), HttpStatus.NOT_FOUND, "order-not-found");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|',
            textBlock = """
                    confirm        | {"paymentId":"%1$s","totalCents":100,"currency":"EUR"}                       | reservationId
                    confirm        | {"reservationId":"%1$s","totalCents":100,"currency":"EUR"}                   | paymentId
                    confirm        | {"reservationId":"%1$s","paymentId":"%1$s","currency":"EUR"}                 | totalCents
                    confirm        | {"reservationId":"%1$s","paymentId":"%1$s","totalCents":0,"currency":"EUR"}  | totalCents
                    confirm        | {"reservationId":"%1$s","paymentId":"%1$s","totalCents":-5,"currency":"EUR"} | totalCents
                    confirm        | {"reservationId":"%1$s","paymentId":"%1$s","totalCents":100}                 | currency
                    confirm        | {"reservationId":"%1$s","paymentId":"%1$s","totalCents":100,"currency":"eur"} | currency
                    confirm        | {"reservationId":"x","paymentId":"%1$s","totalCents":100,"currency":"EUR"}   | reservationId
                    cancel         | {}                                                                           | reason
                    cancel         | {"reason":"  "}                                                              | reason
                    cancel         | {"reason":"%2$s"}                                                            | reason
                    await-approval | {}                                                                           | reason
                    await-approval | {"reason":""}                                                                | reason
                    await-approval | {"reason":"%2$s"}                                                            | reason
                    """)
    void invalidTransitionBodyIsRejectedNamingTheField(String transition, String json, String field) {
        UUID orderId = api.createOrder(UUID.randomUUID()).orderId();

        expectInvalidField(api.post(orderId, transition, json.formatted(UUID.randomUUID(), "x".repeat(501))), field);

        assertThat(historyRows(orderId)).containsExactly("PENDING");
    }

    // PostgreSQL cannot store NUL in text: the request is refused before it could fail in
    // the database.
    @ParameterizedTest(name = "{0} with U+{1}")
    @CsvSource({ "cancel, 0000", "cancel, 001B", "cancel, 007F", "await-approval, 0000", "await-approval, 0008" })
    void reasonWithAControlCharacterIsRejectedNamingTheField(String transition, String codePoint) {
        UUID orderId = api.createOrder(UUID.randomUUID()).orderId();

        expectInvalidField(api.post(orderId, transition, "{\"reason\":\"Changed my mind\\u" + codePoint + "\"}"),
                "reason")
            .jsonPath("$.errors[0].reason")
            .isEqualTo("must not contain control characters other than tab and line breaks");

        assertThat(historyRows(orderId)).containsExactly("PENDING");
    }

    @Test
    void reasonsMayContainTabsAndLineBreaks() {
        UUID orderId = api.createOrder(UUID.randomUUID()).orderId();
        String approvalReason = "Large order:\n\t1500.00 EUR";
        String cancelReason = "Out of stock:\r\n\tCOF-ESPRESSO-250\n\tTEA-SENCHA-100";

        api.transition(orderId, "await-approval", new AwaitApprovalRequest(approvalReason));
        OrderResponse cancelled = api.transition(orderId, "cancel", new CancelOrderRequest(cancelReason));

        assertThat(cancelled.cancelReason()).isEqualTo(cancelReason);
        assertThat(cancelled.history()).extracting(OrderResponse.StatusChange::reason)
            .containsExactly(null, approvalReason, cancelReason);
    }

    @Test
    void cancelReasonOfFiveHundredCharactersIsAccepted() {
        UUID orderId = api.createOrder(UUID.randomUUID()).orderId();

        OrderResponse cancelled = api.transition(orderId, "cancel", new CancelOrderRequest("x".repeat(500)));

        assertThat(cancelled.cancelReason()).hasSize(500);
    }

    @ParameterizedTest
    @ValueSource(strings = { "await-approval", "confirm", "cancel" })
    void malformedTransitionBodyIsRejected(String transition) {
        UUID orderId = api.createOrder(UUID.randomUUID()).orderId();

        expectProblem(api.post(orderId, transition, "{\"reason\":"), HttpStatus.BAD_REQUEST, "malformed-request");
    }

    @Test
    void confirmationInAnotherCurrencyIsRefused() {
        UUID orderId = api.createOrder(UUID.randomUUID()).orderId();

        expectProblem(
                api.post(orderId, "confirm",
                        new ConfirmOrderRequest(UUID.randomUUID(), UUID.randomUUID(), 2_450L, "USD")),
                HttpStatus.UNPROCESSABLE_CONTENT, "unsupported-currency")
            .jsonPath("$.currency")
            .isEqualTo("USD")
            .jsonPath("$.supported")
            .isEqualTo("EUR");

        assertThat(api.order(orderId).status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void confirmationInACurrencyThatIsNoIsoCodeIsABadRequest() {
        UUID orderId = api.createOrder(UUID.randomUUID()).orderId();

        expectInvalidField(api.post(orderId, "confirm",
                new ConfirmOrderRequest(UUID.randomUUID(), UUID.randomUUID(), 2_450L, "XYZ")), "currency")
            .jsonPath("$.errors[0].reason")
            .isEqualTo("must be an ISO 4217 currency code such as EUR");

        assertThat(api.order(orderId).status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void paymentOfAnotherOrderIsRefusedByTheDatabase() {
        UUID firstOrder = api.createOrder(UUID.randomUUID()).orderId();
        UUID secondOrder = api.createOrder(UUID.randomUUID()).orderId();
        ConfirmOrderRequest payment = confirmation(2_450);
        api.transition(firstOrder, "confirm", payment);

        expectProblem(
                api.post(secondOrder, "confirm",
                        new ConfirmOrderRequest(UUID.randomUUID(), payment.paymentId(), 2_450L, "EUR")),
                HttpStatus.CONFLICT, "constraint-violated")
            .jsonPath("$.constraint")
            .isEqualTo("customer_order_payment_unique");

        assertThat(api.order(secondOrder).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(historyRows(secondOrder)).containsExactly("PENDING");
    }

    private List<String> historyRows(UUID orderId) {
        return jdbc.sql("select status from order_status_change where order_id = ? order by id")
            .param(orderId)
            .query(String.class)
            .list();
    }

}
