package io.sagashop.systemtests.shop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.sagashop.contracts.order.OrderOutcome;
import io.sagashop.contracts.order.OrderWorkflows;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;

/**
 * The order workflows as the Temporal server recorded them: outcomes, histories, runs per
 * id.
 */
public final class OrderRuns {

    private final WorkflowClient client;

    public OrderRuns(WorkflowClient client) {
        this.client = client;
    }

    /** Waits for the run of the order to end and returns its outcome. */
    public OrderOutcome awaitOutcome(UUID orderId, Duration timeout) {
        try {
            return client.newUntypedWorkflowStub(OrderWorkflows.workflowId(orderId))
                .getResult(timeout.toMillis(), TimeUnit.MILLISECONDS, OrderOutcome.class);
        }
        catch (TimeoutException ex) {
            throw new AssertionError("Order " + orderId + " did not end within " + timeout, ex);
        }
    }

    /** Activity types in the order the workflow scheduled them. */
    public List<String> scheduledActivities(UUID orderId) {
        return history(orderId).getEvents()
            .stream()
            .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
            .map(event -> event.getActivityTaskScheduledEventAttributes().getActivityType().getName())
            .toList();
    }

    /**
     * The attempt with which each activity type last started (the server records only the
     * final attempt).
     */
    public Map<String, Integer> startedAttempts(UUID orderId) {
        List<HistoryEvent> events = history(orderId).getEvents();
        Map<Long, String> typeByScheduledEvent = new HashMap<>();
        Map<String, Integer> attempts = new HashMap<>();
        for (HistoryEvent event : events) {
            if (event.hasActivityTaskScheduledEventAttributes()) {
                typeByScheduledEvent.put(event.getEventId(),
                        event.getActivityTaskScheduledEventAttributes().getActivityType().getName());
            }
            if (event.hasActivityTaskStartedEventAttributes()) {
                var started = event.getActivityTaskStartedEventAttributes();
                attempts.put(typeByScheduledEvent.get(started.getScheduledEventId()), started.getAttempt());
            }
        }
        return attempts;
    }

    public long runsOf(UUID orderId) {
        return client.listExecutions("WorkflowId = '" + OrderWorkflows.workflowId(orderId) + "'").count();
    }

    public long runsOfCustomer(UUID customerId) {
        return client.listExecutions("CustomerId = '" + customerId + "'").count();
    }

    /**
     * Keeps the run's history as JSON under {@code target/histories}, for the worker's
     * replay tests (copy the files to order-workflow-worker/src/test/resources/histories
     * after changing the saga on purpose).
     */
    public void record(String name, UUID orderId) {
        Path directory = Path.of(System.getProperty("sagashop.recorded-histories", "target/histories"));
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(name + ".json"), history(orderId).toJson(true));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private WorkflowExecutionHistory history(UUID orderId) {
        return client.fetchHistory(OrderWorkflows.workflowId(orderId));
    }

}
