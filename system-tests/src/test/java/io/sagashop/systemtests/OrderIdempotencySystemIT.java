package io.sagashop.systemtests;

import static io.sagashop.systemtests.shop.Customers.ADA;
import static io.sagashop.systemtests.shop.Customers.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.sagashop.contracts.order.OrderStatus;
import io.sagashop.systemtests.shop.ShopClient.Answer;
import io.sagashop.systemtests.shop.ShopClient.Line;

/**
 * A shopper's double clicks and a client's retries: one key, one order, one charge. Bad
 * requests start nothing.
 */
class OrderIdempotencySystemIT extends SagaShopStoryTest {

    @Test
    void tenConcurrentRequestsWithOneKeyMakeOneWorkflowOneOrderAndOnePayment() throws Exception {
        String key = "double-click-" + UUID.randomUUID();
        List<Line> lines = List.of(new Line("CAMP-MUG-ENAMEL", 1));
        int mugs = databases.stock("CAMP-MUG-ENAMEL");
        CountDownLatch start = new CountDownLatch(1);
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            List<Future<?>> requests = IntStream.range(0, 10).<Future<?>>mapToObj(i -> pool.submit(() -> {
                start.await();
                answers.add(shop.placeOrder(ADA, key, lines, "tok_visa"));
                return null;
            })).toList();
            start.countDown();
            for (Future<?> request : requests) {
                request.get();
            }
        }

        assertThat(answers).extracting(Answer::status).containsOnly(202);
        assertThat(answers).extracting(answer -> answer.text("orderId"))
            .hasSize(10)
            .containsOnly(answers.getFirst().text("orderId"));
        UUID orderId = UUID.fromString(answers.getFirst().text("orderId"));
        assertThat(runs.awaitOutcome(orderId, Duration.ofSeconds(90)).status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(runs.runsOf(orderId)).isEqualTo(1);
        assertThat(databases.orderRows(orderId)).isEqualTo(1);
        assertThat(databases.payments(orderId)).hasSize(1);
        assertThat(databases.stock("CAMP-MUG-ENAMEL")).isEqualTo(mugs - 1);
    }

    @Test
    void badOrdersAreRefusedWithAProblemNamingTheFieldAndStartNoWorkflow() {
        long runsBefore = runs.runsOfCustomer(BOB);
        List<Line> fiftyOne = IntStream.rangeClosed(1, 51).mapToObj(i -> new Line("SKU-" + i, 1)).toList();
        Map<String, Object> cases = Map.of("lines", Map.of("lines", List.of(), "paymentToken", "tok_visa"),
                "lines (51)", Map.of("lines", fiftyOne, "paymentToken", "tok_visa"), "lines[0].quantity (0)",
                Map.of("lines", List.of(new Line("CAMP-MUG-ENAMEL", 0)), "paymentToken", "tok_visa"),
                "lines[0].quantity (101)",
                Map.of("lines", List.of(new Line("CAMP-MUG-ENAMEL", 101)), "paymentToken", "tok_visa"), "lines[0].sku",
                Map.of("lines", List.of(new Line("mug; drop table", 1)), "paymentToken", "tok_visa"), "paymentToken",
                Map.of("lines", List.of(new Line("CAMP-MUG-ENAMEL", 1)), "paymentToken", "tok stolen"));

        cases.forEach((field, body) -> {
            Answer answer = shop.placeOrder(BOB, UUID.randomUUID().toString(), body);
            assertThat(answer.status()).as(field).isEqualTo(400);
            assertThat(answer.response().headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(answer.body().path("errors").findValuesAsString("field")).as(field)
                .contains(field.replaceAll(" \\(.*\\)", ""));
        });
        Answer missingKey = shop.placeOrder(BOB, null, List.of(new Line("CAMP-MUG-ENAMEL", 1)), "tok_visa");
        assertThat(missingKey.status()).isEqualTo(400);
        assertThat(missingKey.body().path("errors").findValuesAsString("field")).contains("Idempotency-Key");

        assertThat(runs.runsOfCustomer(BOB)).isEqualTo(runsBefore);
    }

}
