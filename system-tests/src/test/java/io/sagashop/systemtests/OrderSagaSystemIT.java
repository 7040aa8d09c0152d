package io.sagashop.systemtests;

import static io.sagashop.systemtests.shop.Customers.ADA;
import static io.sagashop.systemtests.shop.Customers.ALAN;
import static io.sagashop.systemtests.shop.Customers.GRACE;
import static io.sagashop.systemtests.shop.Customers.MALLORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.sagashop.contracts.order.OrderOutcome;
import io.sagashop.contracts.order.OrderStatus;
import io.sagashop.launcher.stack.App;
import io.sagashop.systemtests.shop.ShopClient.Answer;
import io.sagashop.systemtests.shop.ShopClient.Line;

/**
 * One test per shopper's story, through the gateway's HTTP API only, checked in every
 * database the story touches and in the run's history on the Temporal server.
 */
class OrderSagaSystemIT extends SagaShopStoryTest {

    private static final Duration SAGA_TIMEOUT = Duration.ofSeconds(90);

    @Test
    void aPaidOrderIsConfirmedWithItsStockTakenAndTheShopperTold() {
        int espresso = databases.stock("COF-ESPRESSO-250");
        int filters = databases.stock("COF-FILTER-PAPER-100");

        UUID orderId = place(ADA, List.of(new Line("COF-ESPRESSO-250", 2), new Line("COF-FILTER-PAPER-100", 1)),
                "tok_visa");
        OrderOutcome outcome = runs.awaitOutcome(orderId, SAGA_TIMEOUT);

        assertThat(outcome.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(outcome.totalCents()).isEqualTo(2 * 990 + 490);
        Map<String, Object> order = databases.order(orderId);
        assertThat(order).containsEntry("status", "CONFIRMED").containsEntry("total_cents", 2470L);
        assertThat(order.get("payment_id")).isEqualTo(outcome.paymentId());
        assertThat(order.get("reservation_id")).isEqualTo(outcome.reservationId());
        assertThat(databases.orderHistory(orderId)).containsExactly("PENDING", "CONFIRMED");
        assertThat(databases.stock("COF-ESPRESSO-250")).isEqualTo(espresso - 2);
        assertThat(databases.stock("COF-FILTER-PAPER-100")).isEqualTo(filters - 1);
        assertThat(databases.reservationStatus(orderId)).isEqualTo("RESERVED");
        assertThat(databases.payments(orderId)).singleElement()
            .satisfies(payment -> assertThat(payment).containsEntry("status", "CAPTURED")
                .containsEntry("amount_cents", 2470L));
        assertThat(databases.refunds(orderId)).isZero();
        assertThat(databases.notificationKinds(orderId)).containsExactly("ORDER_CONFIRMED");
        assertThat(runs.scheduledActivities(orderId)).containsExactly("CreateOrder", "ReserveStock", "CheckCustomer",
                "ChargePayment", "ConfirmOrder", "NotifyShopper");
        assertThat(shop.saga(ADA, orderId).text("orderStatus")).isEqualTo("CONFIRMED");
        Answer tooLate = shop.cancel(ADA, orderId, "Changed my mind");
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.text("type")).isEqualTo("urn:sagashop:problem:cancel-refused");
        assertThat(databases.order(orderId)).containsEntry("status", "CONFIRMED");
        runs.record("confirmed", orderId);
    }

    @Test
    void anOrderForAnItemOutOfStockIsCancelledAndTakesNothing() {
        int mugs = databases.stock("CAMP-MUG-ENAMEL");

        UUID orderId = place(ADA, List.of(new Line("CAMP-MUG-ENAMEL", 1), new Line("CAMP-STOVE-TITAN", 1)), "tok_visa");
        OrderOutcome outcome = runs.awaitOutcome(orderId, SAGA_TIMEOUT);

        assertThat(outcome.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(outcome.failureType()).isEqualTo("out-of-stock");
        assertThat(databases.order(orderId)).containsEntry("status", "CANCELLED");
        assertThat((String) databases.order(orderId).get("cancel_reason")).contains("CAMP-STOVE-TITAN");
        assertThat(databases.stock("CAMP-MUG-ENAMEL")).isEqualTo(mugs);
        assertThat(databases.stock("CAMP-STOVE-TITAN")).isZero();
        assertThat(databases.payments(orderId)).isEmpty();
        assertThat(databases.notificationKinds(orderId)).containsExactly("ORDER_CANCELLED");
        assertThat(compensations(orderId)).containsExactly("ReleaseReservation", "CancelOrder");
    }

    @Test
    void aDeclinedCardReleasesTheStockAndCancelsTheOrderInReverseOrder() {
        int socks = databases.stock("HIKE-SOCKS-MERINO");

        UUID orderId = place(ADA, List.of(new Line("HIKE-SOCKS-MERINO", 3)), "tok_declined");
        OrderOutcome outcome = runs.awaitOutcome(orderId, SAGA_TIMEOUT);

        assertThat(outcome.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(outcome.failureType()).isEqualTo("card-declined");
        assertThat(databases.order(orderId)).containsEntry("status", "CANCELLED");
        assertThat(databases.orderHistory(orderId)).containsExactly("PENDING", "CANCELLED");
        assertThat(databases.stock("HIKE-SOCKS-MERINO")).isEqualTo(socks);
        assertThat(databases.reservationStatus(orderId)).isEqualTo("RELEASED");
        assertThat(databases.payments(orderId)).singleElement()
            .satisfies(payment -> assertThat(payment).containsEntry("status", "DECLINED"));
        assertThat(databases.refunds(orderId)).isZero();
        assertThat(databases.notificationKinds(orderId)).containsExactly("ORDER_CANCELLED");
        assertThat(compensations(orderId)).containsExactly("RefundPayment", "ReleaseReservation", "CancelOrder");
        runs.record("declined", orderId);
    }

    @Test
    void aFlakyPaymentProviderIsRetriedUntilTheChargeGoesThrough() {
        int beans = databases.stock("COF-BEANS-HOUSE-1000");

        UUID orderId = place(ADA, List.of(new Line("COF-BEANS-HOUSE-1000", 1)), "tok_flaky");
        OrderOutcome outcome = runs.awaitOutcome(orderId, SAGA_TIMEOUT);

        assertThat(outcome.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(runs.startedAttempts(orderId)).containsEntry("ChargePayment", 3);
        assertThat(databases.payments(orderId)).singleElement()
            .satisfies(payment -> assertThat(payment).containsEntry("status", "CAPTURED"));
        assertThat(databases.count(App.PAYMENT, "SELECT attempts FROM processor_attempt WHERE order_id = ?", orderId))
            .isEqualTo(3);
        assertThat(databases.stock("COF-BEANS-HOUSE-1000")).isEqualTo(beans - 1);
        assertThat(databases.order(orderId)).containsEntry("status", "CONFIRMED");
        assertThat(databases.refunds(orderId)).isZero();
        assertThat(databases.notificationKinds(orderId)).containsExactly("ORDER_CONFIRMED");
        runs.record("flaky-then-confirmed", orderId);
    }

    @Test
    void aBlockedCustomersOrderIsCancelledAndItsReservationReleased() {
        int bottles = databases.stock("HIKE-BOTTLE-1L");

        UUID orderId = place(MALLORY, List.of(new Line("HIKE-BOTTLE-1L", 2)), "tok_visa");
        OrderOutcome outcome = runs.awaitOutcome(orderId, SAGA_TIMEOUT);

        assertThat(outcome.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(outcome.failureType()).isEqualTo("customer-blocked");
        assertThat(databases.order(orderId)).containsEntry("status", "CANCELLED");
        assertThat(databases.stock("HIKE-BOTTLE-1L")).isEqualTo(bottles);
        assertThat(databases.reservationStatus(orderId)).isEqualTo("RELEASED");
        assertThat(databases.payments(orderId)).isEmpty();
        assertThat((String) databases.order(orderId).get("cancel_reason")).isNotBlank();
        assertThat(databases.notificationKinds(orderId)).containsExactly("ORDER_CANCELLED");
        assertThat(compensations(orderId)).containsExactly("ReleaseReservation", "CancelOrder");
    }

    @Test
    void aLargeOrderWaitsForAnOperatorAndIsChargedOnceApproved() {
        int poles = databases.stock("HIKE-POLES-CARBON");

        UUID orderId = place(GRACE, List.of(new Line("HIKE-POLES-CARBON", 10)), "tok_visa");
        awaitOrderStatus(GRACE, orderId, "AWAITING_APPROVAL");
        assertThat(databases.order(orderId)).containsEntry("status", "AWAITING_APPROVAL");
        assertThat(databases.payments(orderId)).isEmpty();
        Map<String, Object> notice = awaitApprovalNotice(orderId);
        assertThat(notice).containsEntry("customer_id", GRACE);
        assertThat((String) notice.get("message")).contains("1190.00 EUR waits for an operator's approval until")
            .endsWith("UTC; without one by then it is cancelled.");
        assertThat(databases.order(orderId)).containsEntry("status", "AWAITING_APPROVAL");

        assertThat(shop.approve(orderId).status()).isEqualTo(202);
        OrderOutcome outcome = runs.awaitOutcome(orderId, SAGA_TIMEOUT);

        assertThat(outcome.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(databases.orderHistory(orderId)).containsExactly("PENDING", "AWAITING_APPROVAL", "CONFIRMED");
        assertThat(databases.payments(orderId)).singleElement()
            .satisfies(payment -> assertThat(payment).containsEntry("status", "CAPTURED")
                .containsEntry("amount_cents", 10 * 11900L));
        assertThat(databases.stock("HIKE-POLES-CARBON")).isEqualTo(poles - 10);
        assertThat(databases.refunds(orderId)).isZero();
        assertThat(databases.notificationKinds(orderId)).containsExactly("APPROVAL_PENDING", "ORDER_CONFIRMED");
        assertThat(runs.scheduledActivities(orderId)).containsExactly("CreateOrder", "ReserveStock", "CheckCustomer",
                "AwaitApproval", "NotifyShopper", "ChargePayment", "ConfirmOrder", "NotifyShopper");
        runs.record("approved-large-order-notified", orderId);
    }

    @Test
    void aShopperCancelsBeforeTheChargeAndGetsEverythingBack() {
        int grinders = databases.stock("COF-GRINDER-HAND");

        UUID orderId = place(ALAN, List.of(new Line("COF-GRINDER-HAND", 12)), "tok_visa");
        awaitOrderStatus(ALAN, orderId, "AWAITING_APPROVAL");
        assertThat(awaitApprovalNotice(orderId)).containsEntry("customer_id", ALAN);

        assertThat(shop.cancel(ALAN, orderId, "Found it cheaper").status()).isEqualTo(202);
        OrderOutcome outcome = runs.awaitOutcome(orderId, SAGA_TIMEOUT);

        assertThat(outcome.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(outcome.failureType()).isEqualTo("cancelled-by-shopper");
        assertThat(databases.order(orderId)).containsEntry("status", "CANCELLED")
            .containsEntry("cancel_reason", "Found it cheaper");
        assertThat(databases.orderHistory(orderId)).containsExactly("PENDING", "AWAITING_APPROVAL", "CANCELLED");
        assertThat(databases.stock("COF-GRINDER-HAND")).isEqualTo(grinders);
        assertThat(databases.reservationStatus(orderId)).isEqualTo("RELEASED");
        assertThat(databases.payments(orderId)).isEmpty();
        assertThat(databases.notificationKinds(orderId)).containsExactly("APPROVAL_PENDING", "ORDER_CANCELLED");
        Answer repeated = shop.cancel(ALAN, orderId, "Again");
        assertThat(repeated.status()).isEqualTo(202);
        assertThat(repeated.text("failureType")).isEqualTo("cancelled-by-shopper");
        assertThat(databases.order(orderId)).containsEntry("cancel_reason", "Found it cheaper");
        runs.record("shopper-cancelled-while-awaiting-approval-notified", orderId);
    }

    private UUID place(UUID customerId, List<Line> lines, String paymentToken) {
        Answer answer = shop.placeOrder(customerId, UUID.randomUUID().toString(), lines, paymentToken);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
        return UUID.fromString(answer.text("orderId"));
    }

    private void awaitOrderStatus(UUID customerId, UUID orderId, String status) {
        await("order " + orderId + " " + status).atMost(SAGA_TIMEOUT)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> status.equals(shop.saga(customerId, orderId).text("orderStatus")));
    }

    /**
     * The notification that tells the shopper the order waits for approval; it is sent
     * beside the wait, so it may land a moment after the order's status changed.
     */
    private Map<String, Object> awaitApprovalNotice(UUID orderId) {
        return await("approval notice of order " + orderId).atMost(SAGA_TIMEOUT)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> databases.notifications(orderId)
                .stream()
                .filter(notification -> "APPROVAL_PENDING".equals(notification.get("kind")))
                .findFirst(), Optional::isPresent)
            .orElseThrow();
    }

    /**
     * The activities scheduled after the last forward step failed: the compensations, in
     * the order they ran.
     */
    private List<String> compensations(UUID orderId) {
        List<String> compensating = List.of("RefundPayment", "ReleaseReservation", "CancelOrder");
        return runs.scheduledActivities(orderId).stream().filter(compensating::contains).toList();
    }

}
