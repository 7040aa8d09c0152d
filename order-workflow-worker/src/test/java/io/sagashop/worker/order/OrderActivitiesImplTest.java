package io.sagashop.worker.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagashop.contracts.order.OrderLine;
import io.sagashop.contracts.order.OrderStatus;
import io.sagashop.contracts.order.PlaceOrder;
import io.sagashop.worker.http.StubServer;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;

class OrderActivitiesImplTest {

    private final UUID orderId = UUID.randomUUID();

    private final UUID customerId = UUID.randomUUID();

    private final StubServer orderService = StubServer.start();

    private final OrderActivities activities = new OrderActivitiesImpl(StubServer.serviceClients(),
            orderService.asEveryService());

    @AfterEach
    void stopService() {
        orderService.close();
    }

    @Test
    void createsThePendingOrderUnderItsId() throws Exception {
        orderService.answer("PUT", "/api/orders/" + orderId, 201, order("PENDING"));

        RecordedOrder created = activities.createOrder(
                new PlaceOrder(orderId, customerId, List.of(new OrderLine("COF-ESPRESSO-250", 2)), "tok_visa"));

        assertThat(created).isEqualTo(new RecordedOrder(OrderStatus.PENDING, null, null, null, null, null));
        StubServer.RecordedRequest request = orderService.onlyRequest();
        assertThat(request.method()).isEqualTo("PUT");
        JSONAssert.assertEquals("""
                {"customerId":"%s","lines":[{"sku":"COF-ESPRESSO-250","quantity":2}]}""".formatted(customerId),
                request.body(), true);
    }

    @Test
    void createOfAnOrderAnEarlierRunEndedReturnsTheOrderAsRecorded() {
        UUID reservationId = UUID.randomUUID();
        UUID paymentId = UUID.randomUUID();
        orderService.answer("PUT", "/api/orders/" + orderId, 200, """
                {"orderId":"%s","customerId":"%s","status":"CONFIRMED","lines":[],"totalCents":4190,"currency":"EUR",
                 "reservationId":"%s","paymentId":"%s","cancelReason":null,"history":[]}""".formatted(orderId,
                customerId, reservationId, paymentId));

        RecordedOrder recorded = activities.createOrder(
                new PlaceOrder(orderId, customerId, List.of(new OrderLine("COF-ESPRESSO-250", 2)), "tok_visa"));

        assertThat(recorded)
            .isEqualTo(new RecordedOrder(OrderStatus.CONFIRMED, null, 4190L, "EUR", reservationId, paymentId));
    }

    @Test
    void createOfAnOrderAnEarlierRunCancelledReturnsItsReason() {
        orderService.answer("PUT", "/api/orders/" + orderId, 200, """
                {"orderId":"%s","customerId":"%s","status":"CANCELLED","lines":[],"cancelReason":"Out of stock",
                 "history":[]}""".formatted(orderId, customerId));

        RecordedOrder recorded = activities.createOrder(
                new PlaceOrder(orderId, customerId, List.of(new OrderLine("COF-ESPRESSO-250", 2)), "tok_visa"));

        assertThat(recorded)
            .isEqualTo(new RecordedOrder(OrderStatus.CANCELLED, "Out of stock", null, null, null, null));
    }

    @Test
    void asksForApprovalWithTheReason() throws Exception {
        orderService.answer("POST", "/api/orders/" + orderId + "/await-approval", 200, order("AWAITING_APPROVAL"));

        activities.awaitApproval(orderId, "Above the threshold");

        JSONAssert.assertEquals("{\"reason\":\"Above the threshold\"}", orderService.onlyRequest().body(), true);
    }

    @Test
    void confirmsWithReservationPaymentAndTotal() throws Exception {
        UUID reservationId = UUID.randomUUID();
        UUID paymentId = UUID.randomUUID();
        orderService.answer("POST", "/api/orders/" + orderId + "/confirm", 200, order("CONFIRMED"));

        activities.confirmOrder(orderId, new OrderConfirmation(reservationId, paymentId, 4190, "EUR"));

        JSONAssert.assertEquals("""
                {"reservationId":"%s","paymentId":"%s","totalCents":4190,"currency":"EUR"}""".formatted(reservationId,
                paymentId), orderService.onlyRequest().body(), true);
    }

    @Test
    void cancelsWithTheReason() throws Exception {
        orderService.answer("POST", "/api/orders/" + orderId + "/cancel", 200, order("CANCELLED"));

        activities.cancelOrder(orderId, "Out of stock");

        JSONAssert.assertEquals("{\"reason\":\"Out of stock\"}", orderService.onlyRequest().body(), true);
    }

    @Test
    void cancellingAnOrderThatWasNeverCreatedIsDone() {
        orderService.answerProblem("POST", "/api/orders/" + orderId + "/cancel", 404, "order-not-found",
                "No order " + orderId);

        activities.cancelOrder(orderId, "Out of stock");

        assertThat(orderService.onlyRequest().path()).isEqualTo("/api/orders/" + orderId + "/cancel");
    }

    @Test
    void cancelThatTheServiceRefusesIsRetried() {
        orderService.answerProblem("POST", "/api/orders/" + orderId + "/cancel", 409, "illegal-transition",
                "CONFIRMED cannot become CANCELLED");

        assertThatThrownBy(() -> activities.cancelOrder(orderId, "Out of stock"))
            .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                assertThat(failure.getType()).isEqualTo("illegal-transition");
                assertThat(failure.isNonRetryable()).isFalse();
            });
    }

    @Test
    void confirmationThatTheServiceRefusesIsNotRetried() {
        orderService.answerProblem("POST", "/api/orders/" + orderId + "/confirm", 409, "illegal-transition",
                "CANCELLED cannot become CONFIRMED");

        assertThatThrownBy(() -> activities.confirmOrder(orderId,
                new OrderConfirmation(UUID.randomUUID(), UUID.randomUUID(), 4190, "EUR")))
            .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                assertThat(failure.getType()).isEqualTo("illegal-transition");
                assertThat(failure.isNonRetryable()).isTrue();
            });
    }

    private String order(String status) {
        return """
                {"orderId":"%s","customerId":"%s","status":"%s","lines":[],"totalCents":null,"currency":null,
                 "history":[]}""".formatted(orderId, customerId, status);
    }

}
