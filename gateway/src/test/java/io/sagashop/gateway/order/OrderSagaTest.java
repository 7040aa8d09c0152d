package io.sagashop.gateway.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.sagashop.contracts.order.OrderWorkflows;
import io.sagashop.gateway.GatewayTest;
import io.sagashop.gateway.ScriptedOrderWorkflow;
import io.sagashop.gateway.ScriptedPaymentActivities;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;

/**
 * Following and steering a placed order: the saga view, a shopper's cancel, an operator's
 * decision.
 */
class OrderSagaTest extends GatewayTest {

    private final UUID customerId = UUID.randomUUID();

    @Autowired
    OrderIds orderIds;

    @Test
    void showsTheSagaOfTheShoppersOrder() {
        UUID orderId = place(order("tok_visa", "COF-ESPRESSO-250", "2"));

        saga(customerId, orderId).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.orderId")
            .isEqualTo(orderId.toString())
            .jsonPath("$.customerId")
            .isEqualTo(customerId.toString())
            .jsonPath("$.orderStatus")
            .isEqualTo("PENDING")
            .jsonPath("$.steps[0].step")
            .isEqualTo("CREATE_ORDER")
            .jsonPath("$.steps[0].status")
            .isEqualTo("DONE")
            .jsonPath("$.steps[1].step")
            .isEqualTo("RESERVE_STOCK")
            .jsonPath("$.steps[1].status")
            .isEqualTo("RUNNING");
    }

    @Test
    void showsTheLiveAttemptAndLastFailureOfARetriedStep() {
        UUID orderId = place(order(ScriptedOrderWorkflow.CHARGING_TOKEN, "COF-ESPRESSO-250", "1"));

        await().untilAsserted(() -> saga(customerId, orderId).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.steps[4].step")
            .isEqualTo("CHARGE_PAYMENT")
            .jsonPath("$.steps[4].status")
            .isEqualTo("RUNNING")
            .jsonPath("$.steps[4].attempt")
            .value(Integer.class, attempt -> assertThat(attempt).isGreaterThan(1))
            .jsonPath("$.steps[4].lastFailure")
            .isEqualTo(ScriptedPaymentActivities.FAILURE));
    }

    @Test
    void keepsTheAttemptAStepEndedWith() {
        UUID orderId = place(order(ScriptedOrderWorkflow.RECOVERING_TOKEN, "COF-ESPRESSO-250", "1"));
        await().untilAsserted(() -> assertThat(temporal.describe(OrderWorkflows.workflowId(orderId)).getStatus())
            .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED));

        saga(customerId, orderId).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.orderStatus")
            .isEqualTo("CONFIRMED")
            .jsonPath("$.steps[4].step")
            .isEqualTo("CHARGE_PAYMENT")
            .jsonPath("$.steps[4].status")
            .isEqualTo("DONE")
            .jsonPath("$.steps[4].attempt")
            .isEqualTo(ScriptedPaymentActivities.RECOVERS_ON_ATTEMPT)
            .jsonPath("$.steps[5].step")
            .isEqualTo("CONFIRM_ORDER")
            .jsonPath("$.steps[5].attempt")
            .isEqualTo(1);
    }

    @Test
    void anotherShoppersOrderIsNotFound() {
        UUID orderId = place(order("tok_visa", "COF-ESPRESSO-250", "2"));

        saga(UUID.randomUUID(), orderId).expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:order-not-found")
            .jsonPath("$.orderId")
            .isEqualTo(orderId.toString());
        cancel(UUID.randomUUID(), orderId).expectStatus().isNotFound();
    }

    @Test
    void anUnknownOrderIsNotFound() {
        saga(customerId, UUID.randomUUID()).expectStatus()
            .isNotFound()
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:order-not-found");
    }

    @Test
    void anOrderIdThatIsNoUuidIsNamed() {
        client.get()
            .uri("/api/orders/{orderId}/saga", "not-a-uuid")
            .header(HttpHeaders.AUTHORIZATION, shopper(customerId))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("orderId");
    }

    @Test
    void aPathTheFirewallRefusesIsAProblemToo() {
        client.get()
            .uri("/api/orders/{orderId}/saga", "%")
            .header(HttpHeaders.AUTHORIZATION, shopper(customerId))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("path");
    }

    @Test
    void cancelsAnOrderThatIsNotChargedYet() {
        UUID orderId = place(order("tok_visa", "COF-ESPRESSO-250", "2"));

        client.post()
            .uri("/api/orders/{orderId}/cancel", orderId)
            .header(HttpHeaders.AUTHORIZATION, shopper(customerId))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"reason\":\"Found it cheaper\"}")
            .exchange()
            .expectStatus()
            .isAccepted()
            .expectBody()
            .jsonPath("$.orderStatus")
            .isEqualTo("CANCELLED")
            .jsonPath("$.cancelReason")
            .isEqualTo("Found it cheaper")
            .jsonPath("$.failureType")
            .isEqualTo("cancelled-by-shopper");
        await().untilAsserted(() -> assertThat(temporal.describe(OrderWorkflows.workflowId(orderId)).getStatus())
            .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED));
    }

    @Test
    void aCancelWithoutABodyGivesTheDefaultReason() {
        UUID orderId = place(order("tok_visa", "COF-ESPRESSO-250", "2"));

        cancel(customerId, orderId).expectStatus()
            .isAccepted()
            .expectBody()
            .jsonPath("$.cancelReason")
            .isEqualTo("Cancelled by the shopper");
    }

    @Test
    void aCancelReasonOverTheLimitIsNamed() {
        UUID orderId = place(order("tok_visa", "COF-ESPRESSO-250", "2"));

        client.post()
            .uri("/api/orders/{orderId}/cancel", orderId)
            .header(HttpHeaders.AUTHORIZATION, shopper(customerId))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"reason\":\"" + "x".repeat(501) + "\"}")
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:invalid-request")
            .jsonPath("$.errors[0].field")
            .isEqualTo("reason");
        saga(customerId, orderId).expectBody().jsonPath("$.orderStatus").isEqualTo("PENDING");
    }

    @Test
    void aCancelReasonWithAControlCharacterIsNamed() {
        UUID orderId = place(order("tok_visa", "COF-ESPRESSO-250", "2"));

        for (String reason : new String[] { "Found it\\u0000 cheaper", "Found it\\u001b[2J cheaper" }) {
            client.post()
                .uri("/api/orders/{orderId}/cancel", orderId)
                .header(HttpHeaders.AUTHORIZATION, shopper(customerId))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\":\"" + reason + "\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:sagashop:problem:invalid-request")
                .jsonPath("$.errors.length()")
                .isEqualTo(1)
                .jsonPath("$.errors[0].field")
                .isEqualTo("reason")
                .jsonPath("$.errors[0].reason")
                .isEqualTo("must not contain control characters other than tab and line breaks");
        }
        saga(customerId, orderId).expectBody().jsonPath("$.orderStatus").isEqualTo("PENDING");
    }

    @Test
    void aCancelReasonMayHaveLineBreaksAndTabs() {
        UUID orderId = place(order("tok_visa", "COF-ESPRESSO-250", "2"));

        client.post()
            .uri("/api/orders/{orderId}/cancel", orderId)
            .header(HttpHeaders.AUTHORIZATION, shopper(customerId))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"reason\":\"Found it cheaper:\\r\\n\\t12.90 elsewhere\"}")
            .exchange()
            .expectStatus()
            .isAccepted()
            .expectBody()
            .jsonPath("$.cancelReason")
            .isEqualTo("Found it cheaper:\r\n\t12.90 elsewhere");
    }

    @Test
    void aRepeatedCancelOfAnOrderTheShopperCancelledAnswersItsSaga() {
        UUID orderId = place(order("tok_visa", "COF-ESPRESSO-250", "2"));
        cancel(customerId, orderId).expectStatus().isAccepted();
        await().untilAsserted(() -> assertThat(temporal.describe(OrderWorkflows.workflowId(orderId)).getStatus())
            .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED));

        client.post()
            .uri("/api/orders/{orderId}/cancel", orderId)
            .header(HttpHeaders.AUTHORIZATION, shopper(customerId))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"reason\":\"Did I click?\"}")
            .exchange()
            .expectStatus()
            .isAccepted()
            .expectBody()
            .jsonPath("$.orderId")
            .isEqualTo(orderId.toString())
            .jsonPath("$.orderStatus")
            .isEqualTo("CANCELLED")
            .jsonPath("$.failureType")
            .isEqualTo("cancelled-by-shopper")
            .jsonPath("$.cancelReason")
            .isEqualTo("Cancelled by the shopper")
            .jsonPath("$.steps[1].step")
            .isEqualTo("RESERVE_STOCK")
            .jsonPath("$.steps[1].status")
            .isEqualTo("COMPENSATED");
    }

    @Test
    void refusesToCancelAnOrderAnOperatorRejected() {
        UUID orderId = placeAwaitingApproval();
        decide(orderId, "reject", "Dagny").expectStatus().isAccepted();
        await().untilAsserted(() -> assertThat(temporal.describe(OrderWorkflows.workflowId(orderId)).getStatus())
            .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED));

        cancel(customerId, orderId).expectStatus()
            .isEqualTo(409)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:cancel-refused")
            .jsonPath("$.detail")
            .isEqualTo("Order " + orderId + " is already CANCELLED");
    }

    @Test
    void aRepeatedCancelOfAnotherShoppersCancelledOrderIsNotFound() {
        UUID orderId = place(order("tok_visa", "COF-ESPRESSO-250", "2"));
        cancel(customerId, orderId).expectStatus().isAccepted();
        await().untilAsserted(() -> assertThat(temporal.describe(OrderWorkflows.workflowId(orderId)).getStatus())
            .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED));

        cancel(UUID.randomUUID(), orderId).expectStatus()
            .isNotFound()
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:order-not-found")
            .jsonPath("$.steps")
            .doesNotExist();
    }

    @Test
    void refusesToCancelAnOrderThatIsBeingCharged() {
        UUID orderId = place(order(ScriptedOrderWorkflow.CHARGING_TOKEN, "COF-ESPRESSO-250", "1"));
        await().untilAsserted(
                () -> saga(customerId, orderId).expectBody().jsonPath("$.steps[4].status").isEqualTo("RUNNING"));

        cancel(customerId, orderId).expectStatus()
            .isEqualTo(409)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:cancel-refused")
            .jsonPath("$.detail")
            .isEqualTo(ScriptedOrderWorkflow.CANCEL_REFUSED);
        assertThat(temporal.describe(OrderWorkflows.workflowId(orderId)).getStatus())
            .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    }

    @Test
    void refusesToCancelAFinishedOrder() {
        UUID orderId = placeAwaitingApproval();
        decide(orderId, "approve", "Dagny").expectStatus().isAccepted();
        await().untilAsserted(() -> assertThat(temporal.describe(OrderWorkflows.workflowId(orderId)).getStatus())
            .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED));

        cancel(customerId, orderId).expectStatus()
            .isEqualTo(409)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:cancel-refused")
            .jsonPath("$.detail")
            .isEqualTo("Order " + orderId + " is already CONFIRMED");
    }

    @Test
    void anOperatorApprovesAnOrderThatWaitsForApproval() {
        UUID orderId = placeAwaitingApproval();

        decide(orderId, "approve", "Dagny").expectStatus()
            .isAccepted()
            .expectBody()
            .jsonPath("$.orderStatus")
            .isEqualTo("CONFIRMED")
            .jsonPath("$.steps[3].step")
            .isEqualTo("AWAIT_APPROVAL")
            .jsonPath("$.steps[3].status")
            .isEqualTo("DONE");
    }

    @Test
    void anOperatorRejectsAnOrderThatWaitsForApproval() {
        UUID orderId = placeAwaitingApproval();

        decide(orderId, "reject", "Dagny").expectStatus()
            .isAccepted()
            .expectBody()
            .jsonPath("$.orderStatus")
            .isEqualTo("CANCELLED")
            .jsonPath("$.failureType")
            .isEqualTo("approval-rejected")
            .jsonPath("$.cancelReason")
            .isEqualTo("Rejected by Dagny: Too many at once");
    }

    @Test
    void refusesAnApprovalForAnOrderThatDoesNotWaitForOne() {
        UUID orderId = place(order("tok_visa", "COF-ESPRESSO-250", "2"));

        decide(orderId, "approve", "Dagny").expectStatus()
            .isEqualTo(409)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:approval-refused")
            .jsonPath("$.detail")
            .isEqualTo("Order " + orderId + " is not waiting for approval");
        decide(orderId, "reject", "Dagny").expectStatus().isEqualTo(409);
    }

    @Test
    void anApprovalNeedsAnOperator() {
        UUID orderId = placeAwaitingApproval();

        client.post()
            .uri("/api/operator/orders/{orderId}/approve", orderId)
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:unauthorized");
        client.post()
            .uri("/api/operator/orders/{orderId}/approve", orderId)
            .header(HttpHeaders.AUTHORIZATION, shopper(customerId))
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:forbidden")
            .jsonPath("$.detail")
            .isEqualTo("The access token does not allow this call");
        saga(customerId, orderId).expectBody().jsonPath("$.orderStatus").isEqualTo("AWAITING_APPROVAL");
    }

    @Test
    void anApprovalCommentWithAControlCharacterIsNamed() {
        UUID orderId = placeAwaitingApproval();

        client.post()
            .uri("/api/operator/orders/{orderId}/approve", orderId)
            .header(HttpHeaders.AUTHORIZATION, operator("Dagny"))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"comment\":\"Checked\\u0000\"}")
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:invalid-request")
            .jsonPath("$.errors[0].field")
            .isEqualTo("comment")
            .jsonPath("$.errors[0].reason")
            .isEqualTo("must not contain control characters other than tab and line breaks");
        saga(customerId, orderId).expectBody().jsonPath("$.orderStatus").isEqualTo("AWAITING_APPROVAL");
    }

    @Test
    void anApprovalOfAnUnknownOrderIsNotFound() {
        decide(UUID.randomUUID(), "approve", "Dagny").expectStatus()
            .isNotFound()
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:order-not-found");
    }

    private UUID place(String body) {
        String key = newKey();
        placeOrder(customerId, key, body).expectStatus().isAccepted();
        return orderIds.of(customerId, key);
    }

    private UUID placeAwaitingApproval() {
        UUID orderId = place(
                order("tok_visa", "COF-ESPRESSO-250", String.valueOf(ScriptedOrderWorkflow.APPROVAL_ABOVE_ITEMS + 1)));
        await().untilAsserted(
                () -> saga(customerId, orderId).expectBody().jsonPath("$.orderStatus").isEqualTo("AWAITING_APPROVAL"));
        return orderId;
    }

    private WebTestClient.ResponseSpec saga(UUID shopper, UUID orderId) {
        return client.get()
            .uri("/api/orders/{orderId}/saga", orderId)
            .header(HttpHeaders.AUTHORIZATION, shopper(shopper))
            .exchange();
    }

    private WebTestClient.ResponseSpec cancel(UUID shopper, UUID orderId) {
        return client.post()
            .uri("/api/orders/{orderId}/cancel", orderId)
            .header(HttpHeaders.AUTHORIZATION, shopper(shopper))
            .exchange();
    }

    private WebTestClient.ResponseSpec decide(UUID orderId, String decision, String operator) {
        return client.post()
            .uri("/api/operator/orders/{orderId}/{decision}", orderId, decision)
            .header(HttpHeaders.AUTHORIZATION, operator(operator))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"comment\":\"Too many at once\"}")
            .exchange();
    }

}
