package io.sagashop.order.lifecycle;

import static io.sagashop.order.lifecycle.OrderApi.createRequest;
import static io.sagashop.order.lifecycle.OrderApi.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.sagashop.testsupport.service.ServiceApplicationTest;

@ServiceApplicationTest
class OrderConcurrencyTest {

    private static final int PARALLEL_CREATES = 10;

    @Autowired
    private RestTestClient client;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private JsonMapper json;

    private OrderApi api;

    private ExecutorService executor;

    @BeforeEach
    void setUp() {
        api = new OrderApi(client);
        executor = Executors.newFixedThreadPool(PARALLEL_CREATES);
    }

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
    }

    @Test
    void parallelIdenticalCreatesMakeOneOrder() throws Exception {
        UUID orderId = UUID.randomUUID();
        CreateOrderRequest request = createRequest(UUID.randomUUID(), line("COF-ESPRESSO-250", 2),
                line("TEA-SENCHA-100", 1));

        List<Answer> answers = inParallel(PARALLEL_CREATES, () -> api.put(orderId, request));

        assertThat(answers).extracting(Answer::status).containsOnly(200, 201);
        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
        assertThat(answers).extracting(answer -> json.treeToValue(answer.body(), OrderResponse.class))
            .containsOnly(api.order(orderId));
        assertThat(count("select count(*) from customer_order where id = ?", orderId)).isOne();
        assertThat(count("select count(*) from order_line where order_id = ?", orderId)).isEqualTo(2);
        assertThat(count("select count(*) from order_status_change where order_id = ?", orderId)).isOne();
    }

    @RepeatedTest(3)
    void parallelConfirmAndCancelLetExactlyOneWin() throws Exception {
        UUID orderId = api.createOrder(UUID.randomUUID()).orderId();
        ConfirmOrderRequest confirmation = OrderApi.confirmation(2_450);
        CancelOrderRequest cancellation = new CancelOrderRequest("Shopper cancelled");
        CountDownLatch start = new CountDownLatch(1);

        Future<Answer> confirm = executor.submit(afterLatch(start, () -> api.post(orderId, "confirm", confirmation)));
        Future<Answer> cancel = executor.submit(afterLatch(start, () -> api.post(orderId, "cancel", cancellation)));
        start.countDown();
        Answer confirmAnswer = confirm.get(30, TimeUnit.SECONDS);
        Answer cancelAnswer = cancel.get(30, TimeUnit.SECONDS);

        assertThat(List.of(confirmAnswer.status(), cancelAnswer.status())).containsExactlyInAnyOrder(200, 409);
        Answer loser = confirmAnswer.status() == 409 ? confirmAnswer : cancelAnswer;
        assertThat(loser.body().get("type").asString()).isEqualTo("urn:sagashop:problem:illegal-transition");
        OrderResponse order = api.order(orderId);
        OrderStatus winner = confirmAnswer.status() == 200 ? OrderStatus.CONFIRMED : OrderStatus.CANCELLED;
        assertThat(order.status()).isEqualTo(winner);
        assertThat(order.history()).extracting(OrderResponse.StatusChange::status)
            .containsExactly(OrderStatus.PENDING, winner);
        assertThat(jdbc.sql("select status from order_status_change where order_id = ? order by id")
            .param(orderId)
            .query(String.class)
            .list()).containsExactly("PENDING", winner.name());
    }

    @Test
    void parallelIdenticalConfirmsBothAnswerTheConfirmedOrder() throws Exception {
        UUID orderId = api.createOrder(UUID.randomUUID()).orderId();
        ConfirmOrderRequest confirmation = OrderApi.confirmation(2_450);

        List<Answer> answers = inParallel(2, () -> api.post(orderId, "confirm", confirmation));

        assertThat(answers).extracting(Answer::status).containsOnly(200);
        assertThat(answers).extracting(answer -> json.treeToValue(answer.body(), OrderResponse.class))
            .containsOnly(api.order(orderId));
        assertThat(count("select count(*) from order_status_change where order_id = ?", orderId)).isEqualTo(2);
    }

    private List<Answer> inParallel(int requests, Supplier<RestTestClient.ResponseSpec> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> futures = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            futures.add(executor.submit(afterLatch(start, call)));
        }
        start.countDown();
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> future : futures) {
            answers.add(future.get(30, TimeUnit.SECONDS));
        }
        return answers;
    }

    private Callable<Answer> afterLatch(CountDownLatch start, Supplier<RestTestClient.ResponseSpec> call) {
        return () -> {
            start.await();
            EntityExchangeResult<byte[]> result = call.get().expectBody().returnResult();
            return new Answer(result.getStatus().value(), json.readTree(result.getResponseBodyContent()));
        };
    }

    private long count(String sql, UUID orderId) {
        return jdbc.sql(sql).param(orderId).query(Long.class).single();
    }

    private record Answer(int status, JsonNode body) {
    }

}
