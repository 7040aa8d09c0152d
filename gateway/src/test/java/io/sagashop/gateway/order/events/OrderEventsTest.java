package io.sagashop.gateway.order.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.sagashop.contracts.order.OrderStatus;
import io.sagashop.contracts.order.SagaStep;
import io.sagashop.gateway.GatewayTest;
import io.sagashop.gateway.ScriptedOrderWorkflow;
import io.sagashop.gateway.ScriptedPaymentActivities;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * An order's saga as a stream of events, against a real (test) Temporal server running
 * the scripted saga.
 */
class OrderEventsTest extends GatewayTest {

    private static final ParameterizedTypeReference<ServerSentEvent<SagaEvent>> EVENT = new ParameterizedTypeReference<>() {
    };

    private static final Duration RUN = Duration.ofSeconds(30);

    private final UUID customerId = UUID.randomUUID();

    @Autowired
    SagaWatches watches;

    @Test
    void showsEveryFailedAttemptThenTheConfirmationAndEnds() {
        UUID orderId = place(order(ScriptedOrderWorkflow.RECOVERING_TOKEN, "COF-ESPRESSO-250", "1"));

        List<SagaEvent> events = stream(orderId, shopper(customerId), null).collectList().block(RUN);

        assertThat(events.getFirst().kind()).isEqualTo(SagaEventKind.SNAPSHOT);
        List<String> charge = events.stream()
            .filter(event -> event.step() == SagaStep.CHARGE_PAYMENT)
            .map(event -> event.kind() + " " + event.attempt())
            .toList();
        // The stream may begin after the first failure: its snapshot then shows the
        // retry.
        int firstTold = events.getFirst().saga().steps().get(SagaStep.CHARGE_PAYMENT.ordinal()).attempt();
        List<String> expected = new ArrayList<>();
        for (int failed = Math.max(firstTold, 1); failed < ScriptedPaymentActivities.RECOVERS_ON_ATTEMPT; failed++) {
            expected.add("ATTEMPT_FAILED " + failed);
        }
        expected.add("STEP_DONE " + ScriptedPaymentActivities.RECOVERS_ON_ATTEMPT);
        assertThat(charge).containsSubsequence(expected);
        // Why an attempt failed is known while the step retries; an attempt told only
        // after the step ended may have lost its reason.
        assertThat(events).filteredOn(event -> event.kind() == SagaEventKind.ATTEMPT_FAILED && event.failure() != null)
            .extracting(SagaEvent::failure)
            .containsOnly(ScriptedPaymentActivities.FAILURE);
        SagaEvent last = events.getLast();
        assertThat(last.kind()).isEqualTo(SagaEventKind.ORDER_ENDED);
        assertThat(last.id()).isEqualTo(SagaWatch.END_ID);
        assertThat(last.saga().orderStatus()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(events).extracting(SagaEvent::id).doesNotHaveDuplicates();
    }

    @Test
    void anEndedOrderGivesItsWholeStateAndEnds() {
        UUID orderId = place(order(ScriptedOrderWorkflow.RECOVERING_TOKEN, "COF-ESPRESSO-250", "1"));
        stream(orderId, shopper(customerId), null).blockLast(RUN);

        List<SagaEvent> events = stream(orderId, shopper(customerId), null).collectList().block(RUN);

        assertThat(events).extracting(SagaEvent::kind)
            .containsExactly(SagaEventKind.SNAPSHOT, SagaEventKind.ORDER_ENDED);
        assertThat(events.getFirst().saga().orderStatus()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void theApprovalWaitComesWithItsDeadlineAndWatchersShareOneSource() {
        UUID orderId = place(
                order("tok_visa", "COF-ESPRESSO-250", String.valueOf(ScriptedOrderWorkflow.APPROVAL_ABOVE_ITEMS + 1)));
        List<SagaEvent> shopperSees = new CopyOnWriteArrayList<>();
        List<SagaEvent> operatorSees = new CopyOnWriteArrayList<>();
        int watchedBefore = watches.watched();
        Disposable shopperStream = stream(orderId, shopper(customerId), null).subscribe(shopperSees::add);
        Disposable operatorStream = stream(orderId, operator("olivia"), null).subscribe(operatorSees::add);
        try {
            await().until(() -> shopperSees.stream().anyMatch(event -> event.saga().approvalDeadline() != null));
            assertThat(watches.watched()).isEqualTo(watchedBefore + 1);

            client.post()
                .uri("/api/operator/orders/{orderId}/approve", orderId)
                .header(HttpHeaders.AUTHORIZATION, operator("olivia"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"comment\":\"Known customer\"}")
                .exchange()
                .expectStatus()
                .isAccepted();

            await().until(() -> !shopperSees.isEmpty() && shopperSees.getLast().kind() == SagaEventKind.ORDER_ENDED);
            await().until(() -> !operatorSees.isEmpty() && operatorSees.getLast().kind() == SagaEventKind.ORDER_ENDED);
        }
        finally {
            shopperStream.dispose();
            operatorStream.dispose();
        }
        assertThat(shopperSees.getLast().saga().orderStatus()).isEqualTo(OrderStatus.CONFIRMED);
        // The wait may have begun before the first event, which then holds the deadline.
        assertThat(shopperSees).filteredOn(event -> event.saga().approvalDeadline() != null)
            .first()
            .extracting(SagaEvent::kind)
            .isIn(SagaEventKind.SNAPSHOT, SagaEventKind.APPROVAL_WAIT_STARTED);
        // Both streams show the same events, made once.
        assertThat(operatorSees.getLast()).isEqualTo(shopperSees.getLast());
    }

    @Test
    void aReconnectingStreamGetsTheEventsAfterItsLastOne() {
        UUID orderId = place(
                order("tok_visa", "COF-ESPRESSO-250", String.valueOf(ScriptedOrderWorkflow.APPROVAL_ABOVE_ITEMS + 1)));
        List<SagaEvent> first = new CopyOnWriteArrayList<>();
        Disposable firstStream = stream(orderId, shopper(customerId), null).subscribe(first::add);
        await().until(() -> first.stream().anyMatch(event -> event.saga().approvalDeadline() != null));
        firstStream.dispose();
        String lastSeen = first.getLast().id();

        client.post()
            .uri("/api/orders/{orderId}/cancel", orderId)
            .header(HttpHeaders.AUTHORIZATION, shopper(customerId))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"reason\":\"Changed my mind\"}")
            .exchange()
            .expectStatus()
            .isAccepted();
        List<SagaEvent> resumed = stream(orderId, shopper(customerId), lastSeen).collectList().block(RUN);

        assertThat(resumed.getFirst().kind()).isNotEqualTo(SagaEventKind.SNAPSHOT);
        assertThat(resumed).extracting(SagaEvent::kind).contains(SagaEventKind.STEP_COMPENSATED);
        assertThat(resumed.getLast().saga().orderStatus()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(first).extracting(SagaEvent::id)
            .doesNotContainAnyElementsOf(resumed.stream().map(SagaEvent::id).toList());
    }

    @Test
    void aStreamThatHasTheEndIsToldThereIsNoMore() {
        UUID orderId = place(order(ScriptedOrderWorkflow.RECOVERING_TOKEN, "COF-ESPRESSO-250", "1"));

        request(orderId, shopper(customerId), SagaWatch.END_ID).expectStatus().isNoContent();
    }

    @Test
    void anotherShoppersOrderIsNotFound() {
        UUID orderId = place(order(ScriptedOrderWorkflow.RECOVERING_TOKEN, "COF-ESPRESSO-250", "1"));

        request(orderId, shopper(UUID.randomUUID()), null).expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:order-not-found");
    }

    @Test
    void noTokenNoStream() {
        client.get()
            .uri("/api/orders/{orderId}/events", UUID.randomUUID())
            .accept(MediaType.TEXT_EVENT_STREAM)
            .exchange()
            .expectStatus()
            .isUnauthorized();
    }

    private Flux<SagaEvent> stream(UUID orderId, String authorization, String lastEventId) {
        return request(orderId, authorization, lastEventId).expectStatus()
            .isOk()
            .returnResult(EVENT)
            .getResponseBody()
            .filter(event -> event.data() != null)
            .map(ServerSentEvent::data);
    }

    private WebTestClient.ResponseSpec request(UUID orderId, String authorization, String lastEventId) {
        return client.mutate()
            .responseTimeout(RUN)
            .build()
            .get()
            .uri("/api/orders/{orderId}/events", orderId)
            .header(HttpHeaders.AUTHORIZATION, authorization)
            .headers(headers -> {
                if (lastEventId != null) {
                    headers.set("Last-Event-ID", lastEventId);
                }
            })
            .accept(MediaType.TEXT_EVENT_STREAM)
            .exchange();
    }

    private UUID place(String body) {
        AtomicReference<String> orderId = new AtomicReference<>();
        placeOrder(customerId, newKey(), body).expectStatus()
            .isAccepted()
            .expectBody()
            .jsonPath("$.orderId")
            .value(String.class, orderId::set);
        return UUID.fromString(orderId.get());
    }

}
