package io.sagashop.gateway.order.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.sagashop.contracts.order.OrderWorkflow;
import io.sagashop.contracts.order.SagaState;
import io.sagashop.gateway.order.SagaAttempts;
import io.sagashop.gateway.temporal.TemporalCalls;
import io.sagashop.gateway.temporal.TemporalProperties;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.HistoryEventFilterType;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * Follows one run as it changes, at a cost that does not grow while nothing happens. The
 * run's history is read by a long poll that the server answers only when new events are
 * written (a step starts or ends, a timer starts, the run closes): one call outstanding,
 * answered at once. After each batch the workflow is queried for its saga. Retries are
 * not history events: while an activity is in flight the run is described every
 * {@link OrderEventsProperties#attemptPoll()}, which shows its attempt and last failure;
 * not while every activity in flight waits out its backoff until its next attempt, and
 * not at all otherwise.
 */
@Component
class SagaObservations {

    private static final Logger log = LoggerFactory.getLogger(SagaObservations.class);

    /** The name of {@link OrderWorkflow#sagaState()} as the server knows it. */
    private static final String QUERY = "sagaState";

    private static final RetryBackoffSpec TRANSIENT = Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
        .maxBackoff(Duration.ofSeconds(5))
        .filter(SagaObservations::isTransient);

    private final WorkflowServiceStubs stubs;

    private final WorkflowClient client;

    private final TemporalCalls calls;

    private final String namespace;

    private final OrderEventsProperties settings;

    SagaObservations(WorkflowServiceStubs stubs, WorkflowClient client, TemporalCalls calls,
            TemporalProperties temporal, OrderEventsProperties settings) {
        this.stubs = stubs;
        this.client = client;
        this.calls = calls;
        this.namespace = temporal.namespace();
        this.settings = settings;
    }

    /**
     * What the saga looks like after each change; the last one is the run's final state.
     * Cancelling the subscription stops every call.
     */
    Flux<Observation> of(WorkflowExecution run) {
        RunView view = new RunView();
        AtomicBoolean closed = new AtomicBoolean();
        Flux<Observation> fromHistory = newEvents(run)
            // Keeps waiting for the next events while the last ones are looked at.
            .onBackpressureBuffer()
            .concatMap(events -> {
                view.addHistory(events);
                boolean ended = events.stream().anyMatch(SagaObservations::closesTheRun);
                Mono<List<PendingActivityInfo>> pending = ended ? Mono.just(List.of()) : pendingActivities(run);
                return Mono.zip(query(run), pending).map(queried -> {
                    closed.compareAndSet(false, ended);
                    return view.observe(queried.getT1(), queried.getT2(), ended);
                });
            });
        Flux<Observation> fromAttempts = Flux.interval(settings.attemptPoll())
            .onBackpressureDrop()
            .takeWhile(tick -> !closed.get())
            .concatMap(tick -> {
                if (!view.mayChangeBy(Instant.now())) {
                    return Mono.empty();
                }
                int historySeen = view.historySize();
                return pendingActivities(run).filter(pending -> !closed.get())
                    .flatMap(pending -> view.observeAttempts(historySeen, pending));
            }, 0);
        return Flux.merge(1, fromHistory, fromAttempts).takeUntil(Observation::ended);
    }

    /**
     * The run's events, as soon as the server has them: first those it has, then each
     * batch the server writes, until the run closes.
     */
    private Flux<List<HistoryEvent>> newEvents(WorkflowExecution run) {
        return Flux.defer(() -> {
            HistoryCursor cursor = new HistoryCursor();
            Mono<List<HistoryEvent>> next = Mono
                .defer(() -> waitForEvents(run, cursor.token())
                    .flatMap(answer -> answer.getNextPageToken().isEmpty() && !cursor.hasSeenTheEnd()
                            // A server that keeps no place in the history for the client
                            // (Temporal's Java test server) answers with what is new
                            // since
                            // the call; what came between two calls is read again.
                            ? readAll(run).map(events -> cursor.advance(events, ByteString.EMPTY))
                            : Mono
                                .just(cursor.advance(answer.getHistory().getEventsList(), answer.getNextPageToken()))))
                .filter(events -> !events.isEmpty());
            return readAll(run).map(events -> cursor.advance(events, ByteString.EMPTY))
                .filter(events -> !events.isEmpty())
                .concatWith(next.repeat(() -> !cursor.hasSeenTheEnd()))
                .takeUntil(events -> cursor.hasSeenTheEnd());
        });
    }

    /** Every event of the run so far, without waiting. */
    private Mono<List<HistoryEvent>> readAll(WorkflowExecution run) {
        return calls.call("read the history of " + run.getWorkflowId(), () -> {
            try (Stream<HistoryEvent> history = client.streamHistory(run.getWorkflowId(), run.getRunId())) {
                return history.toList();
            }
        }).retryWhen(TRANSIENT);
    }

    /**
     * One long poll: answered when the server writes events after the token's place, or
     * empty when the wait is over.
     */
    private Mono<GetWorkflowExecutionHistoryResponse> waitForEvents(WorkflowExecution run, ByteString token) {
        GetWorkflowExecutionHistoryRequest request = GetWorkflowExecutionHistoryRequest.newBuilder()
            .setNamespace(namespace)
            .setExecution(run)
            .setNextPageToken(token)
            .setWaitNewEvent(true)
            .setHistoryEventFilterType(HistoryEventFilterType.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
            .build();
        return Mono
            .defer(() -> Mono.fromFuture(completable(stubs.futureStub()
                .withDeadlineAfter(settings.historyWait().toMillis(), TimeUnit.MILLISECONDS)
                .getWorkflowExecutionHistory(request))))
            .onErrorResume(SagaObservations::isWaitOver,
                    waitOver -> Mono
                        .just(GetWorkflowExecutionHistoryResponse.newBuilder().setNextPageToken(token).build()))
            .retryWhen(TRANSIENT.doBeforeRetry(retry -> log.debug("Waiting for the history of {} again after {}",
                    run.getWorkflowId(), retry.failure().toString())));
    }

    private static boolean closesTheRun(HistoryEvent event) {
        return switch (event.getEventType()) {
            case EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED, EVENT_TYPE_WORKFLOW_EXECUTION_FAILED,
                    EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT, EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED,
                    EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED, EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW ->
                true;
            default -> false;
        };
    }

    private Mono<SagaState> query(WorkflowExecution run) {
        WorkflowStub stub = client.newUntypedWorkflowStub(run.getWorkflowId(), Optional.of(run.getRunId()),
                Optional.empty());
        return calls.call("query the saga of " + run.getWorkflowId(), () -> stub.query(QUERY, SagaState.class))
            .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
                .maxBackoff(Duration.ofSeconds(5))
                .doBeforeRetry(retry -> log.debug("Querying the saga of {} again after {}", run.getWorkflowId(),
                        retry.failure().toString())));
    }

    private Mono<List<PendingActivityInfo>> pendingActivities(WorkflowExecution run) {
        DescribeWorkflowExecutionRequest request = DescribeWorkflowExecutionRequest.newBuilder()
            .setNamespace(namespace)
            .setExecution(run)
            .build();
        return calls
            .call("describe " + run.getWorkflowId(),
                    () -> stubs.blockingStub().describeWorkflowExecution(request).getPendingActivitiesList())
            .retryWhen(TRANSIENT);
    }

    private static boolean isWaitOver(Throwable failure) {
        return failure instanceof StatusRuntimeException grpc
                && grpc.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED;
    }

    private static boolean isTransient(Throwable failure) {
        if (failure instanceof StatusRuntimeException grpc) {
            return grpc.getStatus().getCode() != Status.Code.NOT_FOUND
                    && grpc.getStatus().getCode() != Status.Code.INVALID_ARGUMENT
                    && grpc.getStatus().getCode() != Status.Code.PERMISSION_DENIED;
        }
        return true;
    }

    private static <T> CompletableFuture<T> completable(ListenableFuture<T> future) {
        CompletableFuture<T> completable = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                future.cancel(mayInterruptIfRunning);
                return super.cancel(mayInterruptIfRunning);
            }
        };
        Futures.addCallback(future, new FutureCallback<>() {
            @Override
            public void onSuccess(T result) {
                completable.complete(result);
            }

            @Override
            public void onFailure(Throwable failure) {
                completable.completeExceptionally(failure);
            }
        }, MoreExecutors.directExecutor());
        return completable;
    }

    /** Where the client is in the run's history. */
    private static final class HistoryCursor {

        private long lastEventId;

        private ByteString token = ByteString.EMPTY;

        private boolean end;

        /** The events not seen before, of those given. */
        synchronized List<HistoryEvent> advance(List<HistoryEvent> events, ByteString nextToken) {
            List<HistoryEvent> fresh = events.stream().filter(event -> event.getEventId() > lastEventId).toList();
            if (!fresh.isEmpty()) {
                lastEventId = fresh.getLast().getEventId();
                end = fresh.stream().anyMatch(SagaObservations::closesTheRun);
            }
            token = nextToken;
            return fresh;
        }

        synchronized ByteString token() {
            return token;
        }

        synchronized boolean hasSeenTheEnd() {
            return end;
        }

    }

    /**
     * The saga as last seen.
     *
     * @param ended the run has closed: this is its final state
     */
    record Observation(SagaState saga, boolean ended) {
    }

    /** What is known of the run so far; observations are made one at a time. */
    private static final class RunView {

        private final List<HistoryEvent> history = new ArrayList<>();

        private final AtomicReference<SagaState> reported = new AtomicReference<>();

        private volatile List<PendingActivityInfo> pending = List.of();

        synchronized void addHistory(List<HistoryEvent> events) {
            history.addAll(events);
        }

        synchronized Observation observe(SagaState queried, List<PendingActivityInfo> activities, boolean ended) {
            reported.set(queried);
            pending = activities;
            return new Observation(SagaAttempts.known(queried, List.copyOf(history), activities), ended);
        }

        /**
         * Unless the history has grown since the run was described: the history's
         * observation is newer than these attempts.
         */
        synchronized Mono<Observation> observeAttempts(int historySeen, List<PendingActivityInfo> activities) {
            SagaState queried = reported.get();
            if (queried == null || history.size() != historySeen) {
                return Mono.empty();
            }
            pending = activities;
            return Mono.just(new Observation(SagaAttempts.known(queried, List.copyOf(history), activities), false));
        }

        synchronized int historySize() {
            return history.size();
        }

        /**
         * Whether an attempt may have ended: an activity is in flight, and not all of
         * them wait out a retry's backoff (nothing changes before the next attempt
         * starts).
         */
        boolean mayChangeBy(Instant now) {
            List<PendingActivityInfo> activities = pending;
            if (activities.isEmpty()) {
                return false;
            }
            return activities.stream().anyMatch(activity -> !waitsForNextAttempt(activity, now));
        }

        private static boolean waitsForNextAttempt(PendingActivityInfo activity, Instant now) {
            if (activity.getState() != PendingActivityState.PENDING_ACTIVITY_STATE_SCHEDULED
                    || !activity.hasNextAttemptScheduleTime()) {
                return false;
            }
            Timestamp next = activity.getNextAttemptScheduleTime();
            return now.isBefore(Instant.ofEpochSecond(next.getSeconds(), next.getNanos()));
        }

    }

}
