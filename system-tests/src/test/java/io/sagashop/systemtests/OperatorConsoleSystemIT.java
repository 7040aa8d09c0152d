package io.sagashop.systemtests;

import static io.sagashop.systemtests.shop.Customers.ADA;
import static io.sagashop.systemtests.shop.Customers.GRACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.sagashop.contracts.order.OrderStatus;
import io.sagashop.systemtests.shop.ShopClient.Answer;
import io.sagashop.systemtests.shop.ShopClient.Line;
import tools.jackson.databind.JsonNode;

/**
 * The operator's console and a shopper's notifications, through the gateway only, against
 * the real Temporal server's visibility and the services' databases.
 */
class OperatorConsoleSystemIT extends SagaShopStoryTest {

    private static final Duration SAGA_TIMEOUT = Duration.ofSeconds(90);

    @AfterEach
    void noFaultsLeftBehind() {
        shop.clearProcessorFaults();
    }

    @Test
    void anOperatorListsOrdersByStatusAndByCustomer() {
        UUID confirmed = place(ADA, List.of(new Line("COF-ESPRESSO-250", 1)));
        UUID waiting = place(GRACE, List.of(new Line("HIKE-POLES-CARBON", 10)));
        assertThat(runs.awaitOutcome(confirmed, SAGA_TIMEOUT).status()).isEqualTo(OrderStatus.CONFIRMED);

        // Visibility is eventually consistent: a run's latest search attributes show
        // after
        // a moment.
        JsonNode awaiting = awaitListed("?status=AWAITING_APPROVAL&customerId=" + GRACE,
                items -> orderIds(items).contains(waiting));
        assertThat(awaiting.findValuesAsString("status")).containsOnly("AWAITING_APPROVAL");
        assertThat(awaiting.findValuesAsString("customerId")).containsOnly(GRACE.toString());
        JsonNode run = item(awaiting, waiting);
        assertThat(run.path("totalCents").asLong()).isEqualTo(10 * 11900L);
        assertThat(run.path("runStatus").asString()).isEqualTo("RUNNING");
        assertThat(run.path("temporalUiUrl").asString()).endsWith("/workflows/order-" + waiting);

        JsonNode confirmedOnes = awaitListed("?status=CONFIRMED", items -> orderIds(items).contains(confirmed));
        assertThat(confirmedOnes.findValuesAsString("status")).containsOnly("CONFIRMED");
        assertThat(orderIds(confirmedOnes)).doesNotContain(waiting);
        assertThat(item(confirmedOnes, confirmed).path("runStatus").asString()).isEqualTo("COMPLETED");

        JsonNode adas = awaitListed("?customerId=" + ADA + "&pageSize=100",
                items -> orderIds(items).contains(confirmed));
        assertThat(adas.findValuesAsString("customerId")).containsOnly(ADA.toString());
        assertThat(orderIds(adas)).doesNotContain(waiting);

        // Paging by the token Temporal hands out reaches every run of the customer once.
        Answer firstPage = shop.operatorOrders("?customerId=" + ADA + "&pageSize=1");
        assertThat(firstPage.status()).isEqualTo(200);
        assertThat(firstPage.body().path("items")).hasSize(1);
        if (orderIds(adas.path("items")).size() > 1) {
            String token = firstPage.text("nextPageToken");
            Answer secondPage = shop.operatorOrders("?customerId=" + ADA + "&pageSize=1&pageToken=" + token);
            assertThat(secondPage.status()).as(secondPage.body().toString()).isEqualTo(200);
            assertThat(orderIds(secondPage.body().path("items")))
                .doesNotContainAnyElementsOf(orderIds(firstPage.body().path("items")));
        }

        assertThat(shop.operatorOrdersAs(ADA, "?status=CONFIRMED").status()).isEqualTo(403);
        assertThat(shop.operatorOrders("?status=SHIPPED").status()).isEqualTo(400);
        assertThat(shop.reject(waiting).status()).isEqualTo(202);
    }

    @Test
    void anOperatorRestocksAProductThroughTheGatewayOnce() {
        int before = databases.stock("CAMP-MUG-ENAMEL");
        String key = "delivery-" + UUID.randomUUID();

        Answer restocked = shop.restock("CAMP-MUG-ENAMEL", key, 25);
        Answer repeated = shop.restock("CAMP-MUG-ENAMEL", key, 25);

        assertThat(restocked.status()).as(restocked.body().toString()).isEqualTo(201);
        assertThat(restocked.body().path("stockAfter").asInt()).isEqualTo(before + 25);
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.text("restockId")).isEqualTo(restocked.text("restockId"));
        assertThat(databases.stock("CAMP-MUG-ENAMEL")).isEqualTo(before + 25);
        assertThat(shop.restock("CAMP-MUG-ENAMEL", key, 30).status()).isEqualTo(409);
        assertThat(databases.stock("CAMP-MUG-ENAMEL")).isEqualTo(before + 25);
    }

    @Test
    void anOperatorBreaksThePaymentProcessorThroughTheGatewayAndTheChargeIsRetried() {
        Answer set = shop.setProcessorFaults(1, 0);
        assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
        assertThat(shop.processorFaults().body().path("failNextCalls").asInt()).isEqualTo(1);

        UUID orderId = place(ADA, List.of(new Line("COF-FILTER-PAPER-100", 1)));

        assertThat(runs.awaitOutcome(orderId, SAGA_TIMEOUT).status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(runs.startedAttempts(orderId)).containsEntry("ChargePayment", 2);
        assertThat(shop.processorFaults().body().path("failNextCalls").asInt()).isZero();
        assertThat(shop.clearProcessorFaults().status()).isEqualTo(204);
    }

    @Test
    void aShoppersNotificationsAreTheirOwnOnly() {
        UUID adasOrder = place(ADA, List.of(new Line("COF-ESPRESSO-250", 1)));
        UUID gracesOrder = place(GRACE, List.of(new Line("COF-FILTER-PAPER-100", 1)));
        runs.awaitOutcome(adasOrder, SAGA_TIMEOUT);
        runs.awaitOutcome(gracesOrder, SAGA_TIMEOUT);

        Answer adas = shop.notifications(ADA, ADA);

        assertThat(adas.status()).isEqualTo(200);
        assertThat(adas.body().path("items").findValuesAsString("customerId")).containsOnly(ADA.toString());
        assertThat(adas.body().path("items").findValuesAsString("orderId")).contains(adasOrder.toString())
            .doesNotContain(gracesOrder.toString());
        Answer gracesAsAda = shop.notifications(ADA, GRACE);
        assertThat(gracesAsAda.status()).isEqualTo(200);
        assertThat(gracesAsAda.body().path("items")).isEmpty();
        assertThat(shop.notifications(GRACE, GRACE).body().path("items").findValuesAsString("orderId"))
            .contains(gracesOrder.toString());
    }

    private JsonNode awaitListed(String query, Predicate<JsonNode> shows) {
        return await("operator list " + query).atMost(SAGA_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            Answer answer = shop.operatorOrders(query);
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
            return answer.body().path("items");
        }, shows);
    }

    private static List<UUID> orderIds(JsonNode items) {
        return items.findValuesAsString("orderId").stream().map(UUID::fromString).toList();
    }

    private static JsonNode item(JsonNode items, UUID orderId) {
        for (JsonNode item : items) {
            if (item.path("orderId").asString().equals(orderId.toString())) {
                return item;
            }
        }
        throw new AssertionError("Order " + orderId + " is not listed in " + items);
    }

    private UUID place(UUID customerId, List<Line> lines) {
        Answer answer = shop.placeOrder(customerId, UUID.randomUUID().toString(), lines, "tok_visa");
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
        return UUID.fromString(answer.text("orderId"));
    }

}
