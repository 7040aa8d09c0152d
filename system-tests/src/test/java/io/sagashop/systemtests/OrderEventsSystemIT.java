package io.sagashop.systemtests;

import static io.sagashop.systemtests.shop.Customers.ADA;
import static io.sagashop.systemtests.shop.Customers.GRACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.sagashop.contracts.order.OrderWorkflows;
import io.sagashop.systemtests.shop.SagaEventStream;
import io.sagashop.systemtests.shop.SagaEventStream.Event;
import io.sagashop.systemtests.shop.ShopClient.Answer;
import io.sagashop.systemtests.shop.ShopClient.Line;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import tools.jackson.databind.JsonNode;

/**
 * An order's live saga events through the gateway, as the shop's page reads them, timed
 * against what the Temporal server recorded: the run's history for the steps, and the
 * server's pending activity for each retry (retries are no history events).
 */
class OrderEventsSystemIT extends SagaShopStoryTest {

    private static final Duration SAGA_TIMEOUT = Duration.ofSeconds(90);

    /** An event reaches the shopper within this of the change on the server. */
    private static final Duration WITHIN = Duration.ofSeconds(1);

    private static final List<Duration> delays = new ArrayList<>();

    @Test
    void aFlakyPaymentShowsEachFailedAttemptThenTheConfirmationAsTheyHappen() {
        UUID orderId = place(ADA, List.of(new Line("COF-BEANS-HOUSE-1000", 1)), "tok_flaky");
        try (SagaEventStream stream = open(ADA, orderId, null); RetryLog retries = RetryLog.follow(this, orderId)) {
            assertThat(stream.status()).isEqualTo(200);
            List<Event> events = stream.awaitEnd(SAGA_TIMEOUT);

            assertThat(events.getFirst().kind()).isEqualTo("SNAPSHOT");
            List<String> charge = events.stream()
                .filter(event -> "CHARGE_PAYMENT".equals(event.step()))
                .map(Event::text)
                .toList();
            // The simulated processor fails a flaky card's first two attempts. The stream
            // opens as the saga begins: what its snapshot already shows is not told
            // again.
            JsonNode chargeAtFirst = events.getFirst().saga().path("steps").get(4);
            List<String> expected = new ArrayList<>(
                    List.of("STEP_STARTED CHARGE_PAYMENT 1", "ATTEMPT_FAILED CHARGE_PAYMENT 1",
                            "ATTEMPT_FAILED CHARGE_PAYMENT 2", "STEP_DONE CHARGE_PAYMENT 3"));
            if (!chargeAtFirst.path("status").asString().equals("PENDING")) {
                expected.subList(0, chargeAtFirst.path("attempt").asInt()).clear();
            }
            assertThat(charge).containsExactlyElementsOf(expected);
            assertThat(events.getLast().kind()).isEqualTo("ORDER_ENDED");
            assertThat(events.getLast().id()).isEqualTo("end");
            assertThat(events.getLast().saga().path("orderStatus").asString()).isEqualTo("CONFIRMED");

            History history = history(orderId);
            for (Event event : events) {
                Instant changed = switch (event.kind()) {
                    case "STEP_STARTED" -> history.scheduled(activityOf(event.step()));
                    case "STEP_DONE" -> history.completed(activityOf(event.step()));
                    case "ATTEMPT_FAILED" -> retries.failedAt(event.attempt());
                    case "ORDER_ENDED" -> history.closed();
                    default -> null;
                };
                if (changed != null) {
                    assertWithinASecond(event, changed);
                }
            }
            assertThat(databases.payments(orderId)).singleElement()
                .satisfies(payment -> assertThat(payment).containsEntry("status", "CAPTURED"));
        }
    }

    @Test
    void aStreamThatReconnectsWithItsLastEventIdMissesNothing() {
        // Above the approval threshold: the saga waits for the operator, so the stream
        // drops mid-saga however fast the first steps ran.
        UUID orderId = place(GRACE, List.of(new Line("COF-GRINDER-HAND", 12)), "tok_visa");
        try (SagaEventStream watching = open(GRACE, orderId, null)) {
            SagaEventStream dropped = open(GRACE, orderId, null);
            await().atMost(SAGA_TIMEOUT)
                .until(() -> dropped.events().stream().anyMatch(event -> event.saga().hasNonNull("approvalDeadline")));
            dropped.close();
            List<Event> before = dropped.events();
            String lastId = before.getLast().id();
            // The connection is gone while the saga goes on.
            assertThat(shop.approve(orderId).status()).isEqualTo(202);
            await().atMost(SAGA_TIMEOUT).until(() -> watching.events().size() > indexOf(watching, lastId) + 2);

            try (SagaEventStream resumed = open(GRACE, orderId, lastId)) {
                List<Event> after = resumed.awaitEnd(SAGA_TIMEOUT);
                List<Event> whole = watching.awaitEnd(SAGA_TIMEOUT);

                // The dropped stream began with a snapshot as of one of the events the
                // other stream has; from there the two tell the same.
                List<String> stitched = new ArrayList<>(ids(before));
                stitched.addAll(ids(after));
                List<String> wholeIds = ids(whole);
                assertThat(wholeIds).contains(before.getFirst().id());
                assertThat(stitched)
                    .isEqualTo(wholeIds.subList(wholeIds.indexOf(before.getFirst().id()), wholeIds.size()));
                assertThat(after.getFirst().kind()).isNotEqualTo("SNAPSHOT");
                assertThat(after.getLast().saga().path("orderStatus").asString()).isEqualTo("CONFIRMED");
            }
        }
        // The stream has the end: a reconnect is told there is no more.
        try (SagaEventStream again = open(GRACE, orderId, "end")) {
            assertThat(again.status()).isEqualTo(204);
        }
    }

    @Test
    void aDeclinedOrderShowsItsCompensationsInReverse() {
        int socks = databases.stock("HIKE-SOCKS-MERINO");
        UUID orderId = place(ADA, List.of(new Line("HIKE-SOCKS-MERINO", 2)), "tok_declined");
        try (SagaEventStream stream = open(ADA, orderId, null)) {
            List<Event> events = stream.awaitEnd(SAGA_TIMEOUT);

            List<String> undoing = events.stream()
                .filter(event -> event.kind().startsWith("COMPENSATION") || event.kind().equals("STEP_COMPENSATED")
                        || event.kind().equals("STEP_FAILED"))
                .map(Event::text)
                .toList();
            assertThat(undoing).containsSubsequence("STEP_FAILED CHARGE_PAYMENT 1", "STEP_COMPENSATED RESERVE_STOCK 1",
                    "STEP_COMPENSATED CREATE_ORDER 1");
            assertThat(events.getLast().saga().path("orderStatus").asString()).isEqualTo("CANCELLED");
            assertThat(events.getLast().saga().path("failureType").asString()).isEqualTo("card-declined");

            History history = history(orderId);
            for (Event event : events) {
                if (event.kind().equals("STEP_COMPENSATED")) {
                    assertWithinASecond(event, history.completed(compensationOf(event.step())));
                }
            }
        }
        assertThat(databases.stock("HIKE-SOCKS-MERINO")).isEqualTo(socks);
        assertThat(databases.reservationStatus(orderId)).isEqualTo("RELEASED");
        assertThat(databases.order(orderId)).containsEntry("status", "CANCELLED");
    }

    @Test
    void anotherShoppersOrderHasNoStream() {
        UUID orderId = place(ADA, List.of(new Line("COF-ESPRESSO-250", 1)), "tok_visa");

        try (SagaEventStream stream = open(GRACE, orderId, null)) {
            assertThat(stream.status()).isEqualTo(404);
        }
    }

    @AfterAll
    static void printDelays() {
        List<Duration> sorted = delays.stream().sorted().toList();
        if (!sorted.isEmpty()) {
            System.out.printf("Saga event delay, server change to client (%d events): p50 %d ms, max %d ms%n",
                    sorted.size(), sorted.get(sorted.size() / 2).toMillis(), sorted.getLast().toMillis());
        }
    }

    private static void assertWithinASecond(Event event, Instant changed) {
        Duration delay = Duration.between(changed, event.receivedAt());
        synchronized (delays) {
            delays.add(delay);
        }
        assertThat(delay).as("%s arrived %d ms after the change", event.text(), delay.toMillis())
            .isLessThanOrEqualTo(WITHIN);
    }

    private SagaEventStream open(UUID customerId, UUID orderId, String lastEventId) {
        return SagaEventStream.open(shop.shopper(customerId), system.gateway(), orderId, lastEventId);
    }

    private UUID place(UUID customerId, List<Line> lines, String paymentToken) {
        Answer answer = shop.placeOrder(customerId, UUID.randomUUID().toString(), lines, paymentToken);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
        return UUID.fromString(answer.text("orderId"));
    }

    private History history(UUID orderId) {
        return new History(system.workflowClient().fetchHistory(OrderWorkflows.workflowId(orderId)).getEvents());
    }

    private static int indexOf(SagaEventStream stream, String id) {
        List<Event> events = stream.events();
        for (int i = 0; i < events.size(); i++) {
            if (Objects.equals(events.get(i).id(), id)) {
                return i;
            }
        }
        return Integer.MAX_VALUE - 3;
    }

    private static List<String> ids(List<Event> events) {
        return events.stream().map(Event::id).toList();
    }

    /**
     * The activity a step runs: its name in another case (CHARGE_PAYMENT: ChargePayment).
     */
    private static String activityOf(String step) {
        StringBuilder name = new StringBuilder();
        for (String word : step.split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase());
        }
        return name.toString();
    }

    private static String compensationOf(String step) {
        return switch (step) {
            case "CHARGE_PAYMENT" -> "RefundPayment";
            case "RESERVE_STOCK" -> "ReleaseReservation";
            case "CREATE_ORDER" -> "CancelOrder";
            default -> throw new IllegalArgumentException(step + " has no compensation");
        };
    }

    /** When the server recorded each activity's scheduling and completion. */
    private record History(List<HistoryEvent> events) {

        Instant scheduled(String activityType) {
            return events.stream()
                .filter(event -> event.hasActivityTaskScheduledEventAttributes()
                        && event.getActivityTaskScheduledEventAttributes()
                            .getActivityType()
                            .getName()
                            .equals(activityType))
                .map(History::time)
                .findFirst()
                .orElseThrow(() -> new AssertionError(activityType + " was never scheduled"));
        }

        Instant completed(String activityType) {
            Map<Long, String> types = new HashMap<>();
            for (HistoryEvent event : events) {
                if (event.hasActivityTaskScheduledEventAttributes()) {
                    types.put(event.getEventId(),
                            event.getActivityTaskScheduledEventAttributes().getActivityType().getName());
                }
                if (event.hasActivityTaskCompletedEventAttributes() && activityType
                    .equals(types.get(event.getActivityTaskCompletedEventAttributes().getScheduledEventId()))) {
                    return time(event);
                }
            }
            throw new AssertionError(activityType + " never completed");
        }

        Instant closed() {
            return time(events.getLast());
        }

        private static Instant time(HistoryEvent event) {
            return Instant.ofEpochSecond(event.getEventTime().getSeconds(), event.getEventTime().getNanos());
        }

    }

    /**
     * When the server recorded each failed attempt of the payment: its pending activity,
     * read every 20 ms while the order runs, shows the last attempt's end.
     */
    private static final class RetryLog implements AutoCloseable {

        private final Map<Integer, Instant> failedAt = new ConcurrentHashMap<>();

        private final AtomicBoolean running = new AtomicBoolean(true);

        private final Thread reader;

        private RetryLog(OrderEventsSystemIT test, UUID orderId) {
            DescribeWorkflowExecutionRequest request = DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace("default")
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(OrderWorkflows.workflowId(orderId)))
                .build();
            reader = Thread.ofVirtual().start(() -> {
                while (running.get()) {
                    for (PendingActivityInfo activity : test.system.workflowClient()
                        .getWorkflowServiceStubs()
                        .blockingStub()
                        .describeWorkflowExecution(request)
                        .getPendingActivitiesList()) {
                        if (activity.hasLastAttemptCompleteTime() && activity.getAttempt() > 1) {
                            failedAt.putIfAbsent(activity.getAttempt() - 1,
                                    Instant.ofEpochSecond(activity.getLastAttemptCompleteTime().getSeconds(),
                                            activity.getLastAttemptCompleteTime().getNanos()));
                        }
                    }
                    try {
                        Thread.sleep(20);
                    }
                    catch (InterruptedException ex) {
                        return;
                    }
                }
            });
        }

        static RetryLog follow(OrderEventsSystemIT test, UUID orderId) {
            return new RetryLog(test, orderId);
        }

        Instant failedAt(int attempt) {
            Instant at = failedAt.get(attempt);
            if (at == null) {
                throw new AssertionError("The server never showed attempt " + attempt + " failed");
            }
            return at;
        }

        @Override
        public void close() {
            running.set(false);
            reader.interrupt();
        }

    }

}
