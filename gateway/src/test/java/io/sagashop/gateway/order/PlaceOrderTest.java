package io.sagashop.gateway.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import io.sagashop.contracts.order.OrderLine;
import io.sagashop.contracts.order.OrderSearchAttributes;
import io.sagashop.contracts.order.OrderWorkflows;
import io.sagashop.contracts.order.PlaceOrder;
import io.sagashop.gateway.GatewayTest;
import io.sagashop.gateway.ScriptedOrderWorkflow;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowExecutionDescription;

class PlaceOrderTest extends GatewayTest {

    @Autowired
    OrderIds orderIds;

    private static final String ESPRESSO = order("tok_visa", "COF-ESPRESSO-250", "2", "TEA-GREEN-100", "1");

    @Test
    void startsOneWorkflowForAValidOrder() {
        UUID customerId = UUID.randomUUID();
        String key = newKey();
        UUID orderId = orderIds.of(customerId, key);
        String workflowId = OrderWorkflows.workflowId(orderId);

        placeOrder(customerId, key, ESPRESSO).expectStatus()
            .isAccepted()
            .expectHeader()
            .location("/api/orders/" + orderId)
            .expectBody()
            .jsonPath("$.orderId")
            .isEqualTo(orderId.toString())
            .jsonPath("$.workflowId")
            .isEqualTo("order-" + orderId)
            .jsonPath("$.status")
            .isEqualTo("PENDING")
            .jsonPath("$.sagaUrl")
            .isEqualTo("/api/orders/" + orderId + "/saga")
            .jsonPath("$.temporalUiUrl")
            .isEqualTo(TEMPORAL_UI + "/namespaces/default/workflows/" + workflowId);

        assertThat(temporal.runs(workflowId)).hasSize(1);
        WorkflowExecutionDescription run = temporal.describe(workflowId);
        assertThat(run.getStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
        assertThat(run.getTaskQueue()).isEqualTo(OrderWorkflows.TASK_QUEUE);
        assertThat(run.getTypedSearchAttributes().get(OrderSearchAttributes.CUSTOMER_ID))
            .isEqualTo(customerId.toString());
        assertThat(run.getTypedSearchAttributes().get(OrderSearchAttributes.ORDER_STATUS)).isEqualTo("PENDING");
        assertThat(run.getMemo(OrderSagas.MEMO_IDEMPOTENCY_KEY, String.class)).isEqualTo(key);
        assertThat(temporal.input(workflowId)).isEqualTo(new PlaceOrder(orderId, customerId,
                List.of(new OrderLine("COF-ESPRESSO-250", 2), new OrderLine("TEA-GREEN-100", 1)), "tok_visa"));
    }

    /**
     * Tokens as payment providers issue them: the gateway checks their shape only, so a
     * shop built from this one takes its provider's tokens unchanged.
     */
    @ParameterizedTest
    @ValueSource(strings = { "tok_1N3T00LkdIwHu7ixt44h1F8k", "pm_1PqRsT2eZvKYlo2C8xYzAbCd", "src-2f9a-77Bq", "x" })
    void acceptsAnyTokenOfAPaymentProvidersShape(String paymentToken) {
        UUID customerId = UUID.randomUUID();
        String key = newKey();
        String workflowId = OrderWorkflows.workflowId(orderIds.of(customerId, key));

        placeOrder(customerId, key, order(paymentToken, "COF-ESPRESSO-250", "1")).expectStatus().isAccepted();

        assertThat(temporal.input(workflowId).paymentToken()).isEqualTo(paymentToken);
    }

    @Test
    void acceptsAPaymentTokenOfTheLongestLength() {
        UUID customerId = UUID.randomUUID();
        String key = newKey();
        String paymentToken = "pm_" + "a1-_".repeat(63);

        placeOrder(customerId, key, order(paymentToken, "COF-ESPRESSO-250", "1")).expectStatus().isAccepted();

        assertThat(paymentToken).hasSize(255);
        assertThat(temporal.input(OrderWorkflows.workflowId(orderIds.of(customerId, key))).paymentToken())
            .isEqualTo(paymentToken);
    }

    @Test
    void tenConcurrentIdenticalRequestsStartOneWorkflow() throws Exception {
        UUID customerId = UUID.randomUUID();
        String key = newKey();
        int runsBefore = temporal.runCount();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<EntityExchangeResult<String>>> responses = new ArrayList<>();
        try (ExecutorService shoppers = Executors.newFixedThreadPool(10)) {
            for (int i = 0; i < 10; i++) {
                responses.add(shoppers.submit(() -> {
                    go.await();
                    return placeOrder(customerId, key, ESPRESSO).expectBody(String.class).returnResult();
                }));
            }
            go.countDown();
        }

        List<String> bodies = new ArrayList<>();
        for (Future<EntityExchangeResult<String>> response : responses) {
            assertThat(response.get().getStatus().value()).as(response.get().getResponseBody()).isEqualTo(202);
            bodies.add(response.get().getResponseBody());
        }
        UUID orderId = orderIds.of(customerId, key);
        assertThat(bodies).allSatisfy(
                body -> assertThat(body).isEqualTo(bodies.getFirst()).contains("\"orderId\":\"" + orderId + "\""));
        assertThat(temporal.runs(OrderWorkflows.workflowId(orderId))).hasSize(1);
        assertThat(temporal.runCount()).isEqualTo(runsBefore + 1);
    }

    @Test
    void repeatingTheRequestAnswersTheSameBody() {
        UUID customerId = UUID.randomUUID();
        String key = newKey();
        String first = placeOrder(customerId, key, ESPRESSO).expectStatus()
            .isAccepted()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

        placeOrder(customerId, key, ESPRESSO).expectStatus().isAccepted().expectBody(String.class).isEqualTo(first);
        assertThat(temporal.runs(OrderWorkflows.workflowId(orderIds.of(customerId, key)))).hasSize(1);
    }

    @Test
    void theSameLinesInAnotherOrderAreTheSameRequest() {
        UUID customerId = UUID.randomUUID();
        String key = newKey();
        placeOrder(customerId, key, ESPRESSO).expectStatus().isAccepted();

        placeOrder(customerId, key, order("tok_visa", "TEA-GREEN-100", "1", "COF-ESPRESSO-250", "2")).expectStatus()
            .isAccepted();
    }

    @Test
    void repeatingTheRequestAfterTheOrderFinishedStartsNoSecondRun() {
        UUID customerId = UUID.randomUUID();
        String key = newKey();
        UUID orderId = orderIds.of(customerId, key);
        String first = placeOrder(customerId, key, ESPRESSO).expectStatus()
            .isAccepted()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        client.post()
            .uri("/api/orders/{orderId}/cancel", orderId)
            .header(HttpHeaders.AUTHORIZATION, shopper(customerId))
            .exchange()
            .expectStatus()
            .isAccepted();
        await().untilAsserted(() -> assertThat(temporal.describe(OrderWorkflows.workflowId(orderId)).getStatus())
            .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED));

        placeOrder(customerId, key, ESPRESSO).expectStatus().isAccepted().expectBody(String.class).isEqualTo(first);
        assertThat(temporal.runs(OrderWorkflows.workflowId(orderId))).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherPayloadIsAConflict() {
        UUID customerId = UUID.randomUUID();
        String key = newKey();
        placeOrder(customerId, key, ESPRESSO).expectStatus().isAccepted();

        placeOrder(customerId, key, order("tok_visa", "COF-ESPRESSO-250", "3")).expectStatus()
            .isEqualTo(409)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:idempotency-conflict")
            .jsonPath("$.key")
            .isEqualTo(key);
        placeOrder(customerId, key, order("tok_declined", "COF-ESPRESSO-250", "2", "TEA-GREEN-100", "1")).expectStatus()
            .isEqualTo(409);
        assertThat(temporal.runs(OrderWorkflows.workflowId(orderIds.of(customerId, key)))).hasSize(1);
    }

    /**
     * The run found the order id holding an earlier request's order (the key was used for
     * another cart before Temporal deleted that run): this request was never placed, so a
     * repeat is told so rather than 202 PENDING.
     */
    @Test
    void repeatingARequestWhoseOrderIdHoldsAnotherOrderIsAConflict() {
        UUID customerId = UUID.randomUUID();
        String key = newKey();
        String request = order(ScriptedOrderWorkflow.ORDER_ID_TAKEN_TOKEN, "COF-ESPRESSO-250", "1");
        String workflowId = OrderWorkflows.workflowId(orderIds.of(customerId, key));
        placeOrder(customerId, key, request).expectStatus().isAccepted();
        await().untilAsserted(() -> assertThat(temporal.describe(workflowId).getStatus())
            .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_FAILED));

        placeOrder(customerId, key, request).expectStatus()
            .isEqualTo(409)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:idempotency-conflict")
            .jsonPath("$.key")
            .isEqualTo(key);
        assertThat(temporal.runs(workflowId)).hasSize(1);
        assertThat(temporal.describe(workflowId).getTypedSearchAttributes().get(OrderSearchAttributes.ORDER_STATUS))
            .isEqualTo("CANCELLED");
    }

    @Test
    void theSameKeyOfAnotherShopperIsAnotherOrder() {
        String key = newKey();
        UUID ada = UUID.randomUUID();
        UUID grace = UUID.randomUUID();

        placeOrder(ada, key, ESPRESSO).expectStatus().isAccepted();
        placeOrder(grace, key, order("tok_visa", "COF-ESPRESSO-250", "5")).expectStatus().isAccepted();

        assertThat(orderIds.of(ada, key)).isNotEqualTo(orderIds.of(grace, key));
        assertThat(temporal.runs(OrderWorkflows.workflowId(orderIds.of(grace, key)))).hasSize(1);
    }

}
