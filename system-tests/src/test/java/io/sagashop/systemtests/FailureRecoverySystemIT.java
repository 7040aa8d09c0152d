package io.sagashop.systemtests;

import static io.sagashop.systemtests.shop.Customers.ADA;
import static io.sagashop.systemtests.shop.Customers.GRACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.sagashop.contracts.order.OrderOutcome;
import io.sagashop.contracts.order.OrderStatus;
import io.sagashop.launcher.process.AppProcess;
import io.sagashop.launcher.stack.App;
import io.sagashop.systemtests.shop.PaymentProcessorFaults;
import io.sagashop.systemtests.shop.ShopClient.Answer;
import io.sagashop.systemtests.shop.ShopClient.Line;
import tools.jackson.databind.JsonNode;

/**
 * Durable execution where it matters: a worker that dies mid-saga, a payment provider
 * that is gone a while.
 */
class FailureRecoverySystemIT extends SagaShopStoryTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    @Test
    void anOrderCompletesAfterTheWorkerIsKilledWhileItsPaymentIsRetried() {
        int kettles = databases.stock("COF-KETTLE-GOOSENECK");
        PaymentProcessorFaults faults = new PaymentProcessorFaults(system.app(App.PAYMENT).baseUri(),
                system::operatorToken);
        AppProcess worker = system.app(App.WORKER);
        UUID orderId;
        try {
            faults.failNextCalls(3);
            orderId = place(ADA, "COF-KETTLE-GOOSENECK", 1);
            await("payment retried").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> chargeAttempt(ADA, orderId) >= 2);

            worker.kill();
            assertThat(worker.ready()).isFalse();
            worker.start();
            worker.awaitReady(START_TIMEOUT);
        }
        finally {
            faults.clear();
        }

        OrderOutcome outcome = runs.awaitOutcome(orderId, Duration.ofSeconds(120));

        assertThat(outcome.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(databases.payments(orderId)).singleElement()
            .satisfies(payment -> assertThat(payment).containsEntry("status", "CAPTURED"));
        assertThat(databases.refunds(orderId)).isZero();
        assertThat(databases.stock("COF-KETTLE-GOOSENECK")).isEqualTo(kettles - 1);
        assertThat(databases.order(orderId)).containsEntry("status", "CONFIRMED");
    }

    @Test
    void ordersInFlightWhileThePaymentServiceIsDownAllEndWithoutDoubleCharges() {
        String sku = "COF-MOKA-POT-6";
        int initialStock = databases.stock(sku);
        AppProcess payment = system.app(App.PAYMENT);
        List<UUID> orders = new ArrayList<>();
        orders.add(place(GRACE, sku, 1));
        orders.add(place(GRACE, sku, 2));

        payment.stop();
        List<UUID> placedDuringOutage = List.of(place(GRACE, sku, 1), place(GRACE, sku, 3));
        orders.addAll(placedDuringOutage);
        // The outage lasts 30 s; all that time the orders placed in it wait for their
        // charge.
        await("payment outage of 30 s").during(Duration.ofSeconds(30))
            .atMost(Duration.ofSeconds(40))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> placedDuringOutage.stream().noneMatch(this::hasEnded));
        payment.start();
        payment.awaitReady(START_TIMEOUT);

        int confirmedQuantity = 0;
        for (UUID orderId : orders) {
            OrderOutcome outcome = runs.awaitOutcome(orderId, Duration.ofSeconds(180));
            assertThat(outcome.status().isFinal()).isTrue();
            List<Map<String, Object>> payments = databases.payments(orderId);
            assertThat(payments).as("payments of " + orderId).hasSizeLessThanOrEqualTo(1);
            if (outcome.status() == OrderStatus.CONFIRMED) {
                assertThat(payments).singleElement()
                    .satisfies(row -> assertThat(row).containsEntry("status", "CAPTURED"));
                confirmedQuantity += quantityOf(orderId);
            }
            else {
                assertThat(payments).allSatisfy(row -> assertThat(row.get("status")).isNotEqualTo("CAPTURED"));
            }
            assertThat(databases.order(orderId)).containsEntry("status", outcome.status().name());
        }
        assertThat(databases.stock(sku)).isEqualTo(initialStock - confirmedQuantity);
    }

    private boolean hasEnded(UUID orderId) {
        String status = shop.saga(GRACE, orderId).text("orderStatus");
        return "CONFIRMED".equals(status) || "CANCELLED".equals(status);
    }

    private int quantityOf(UUID orderId) {
        return (int) databases.count(App.ORDER, "SELECT coalesce(sum(quantity), 0) FROM order_line WHERE order_id = ?",
                orderId);
    }

    private int chargeAttempt(UUID customerId, UUID orderId) {
        for (JsonNode step : shop.saga(customerId, orderId).body().path("steps")) {
            if ("CHARGE_PAYMENT".equals(step.path("step").asString())) {
                return step.path("attempt").asInt();
            }
        }
        return 0;
    }

    private UUID place(UUID customerId, String sku, int quantity) {
        Answer answer = shop.placeOrder(customerId, UUID.randomUUID().toString(), List.of(new Line(sku, quantity)),
                "tok_visa");
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
        return UUID.fromString(answer.text("orderId"));
    }

}
