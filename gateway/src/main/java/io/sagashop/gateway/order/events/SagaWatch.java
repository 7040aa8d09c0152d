package io.sagashop.gateway.order.events;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sagashop.contracts.order.SagaState;
import io.sagashop.gateway.order.events.SagaObservations.Observation;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One watched order: a single source of observations, however many streams show it, that
 * turns each observation into the changes since the last and keeps the events for streams
 * that reconnect. It starts with its first watcher and stops {@code linger} after its
 * last one has gone.
 *
 * <p>
 * An event's id is the watch's epoch and its sequence number ({@code k3x9q2-7}): a stream
 * that reconnects with it gets every event after it, while this watch lives. An id of
 * another epoch (the gateway restarted, the watch was retired) gets a new snapshot, which
 * holds the whole saga, then the changes after it.
 */
final class SagaWatch {

    /** The id of every stream's last event: a stream that has it has seen the end. */
    static final String END_ID = "end";

    private static final Logger log = LoggerFactory.getLogger(SagaWatch.class);

    /**
     * Far more than one order's events (a saga with every step retried and compensated
     * makes a few dozen), so a reconnecting stream always finds its last one.
     */
    private static final int RETAINED = 1_000;

    private final String orderKey;

    private final String epoch = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);

    private final Flux<Observation> observations;

    private final Duration linger;

    private final Clock clock;

    private final Runnable retired;

    private final Sinks.Many<Logged> events = Sinks.many().replay().limit(RETAINED);

    private long sequence = -1;

    private SagaState saga;

    private SagaEvent end;

    private int watchers;

    private boolean isRetired;

    private Disposable source;

    private Disposable lingering;

    SagaWatch(String orderKey, Flux<Observation> observations, Duration linger, Clock clock, Runnable retired) {
        this.orderKey = orderKey;
        this.observations = observations;
        this.linger = linger;
        this.clock = clock;
        this.retired = retired;
    }

    /**
     * The stream of one watcher, or nothing once this watch is retired (the caller then
     * starts a new one).
     * @param lastEventId the last event the watcher has, null for a new stream
     */
    synchronized Optional<Flux<SagaEvent>> join(String lastEventId) {
        if (isRetired) {
            return Optional.empty();
        }
        watchers++;
        if (lingering != null) {
            lingering.dispose();
            lingering = null;
        }
        if (source == null) {
            source = observations.subscribe(this::observe, this::failed);
        }
        Flux<SagaEvent> stream;
        long resumeAfter = sequenceOf(lastEventId);
        if (end != null) {
            stream = Flux.just(snapshot(), end);
        }
        else if (resumeAfter >= 0 && resumeAfter <= sequence && resumeAfter > sequence - RETAINED) {
            stream = after(resumeAfter);
        }
        else if (saga != null) {
            stream = Flux.concat(Mono.just(snapshot()), after(sequence));
        }
        else {
            // The first observation is logged as a snapshot.
            stream = after(-1);
        }
        return Optional.of(stream.takeUntil(event -> END_ID.equals(event.id())).doFinally(signal -> leave()));
    }

    private Flux<SagaEvent> after(long sequenceSeen) {
        return events.asFlux().filter(logged -> logged.sequence() > sequenceSeen).map(Logged::event);
    }

    private synchronized void observe(Observation observation) {
        if (saga == null) {
            saga = observation.saga();
            append(new SagaEvent(id(sequence + 1), SagaEventKind.SNAPSHOT, null, null, null, clock.instant(), saga));
        }
        else {
            SagaState observed = SagaChanges.keepingAttempts(saga, observation.saga());
            List<SagaChanges.Change> changes = SagaChanges.between(saga, observed);
            saga = observed;
            for (SagaChanges.Change change : changes) {
                append(new SagaEvent(id(sequence + 1), change.kind(), change.step(), change.attempt(), change.failure(),
                        clock.instant(), saga));
            }
        }
        if (observation.ended()) {
            end = new SagaEvent(END_ID, SagaEventKind.ORDER_ENDED, null, null, null, clock.instant(), saga);
            append(end);
        }
    }

    /**
     * The run can no longer be followed (it was deleted): its streams end, and a stream
     * that reconnects starts a new watch, which finds out again.
     */
    private synchronized void failed(Throwable failure) {
        log.warn("Stopped following order {}: {}", orderKey, failure.toString());
        if (!isRetired) {
            isRetired = true;
            retired.run();
        }
        events.emitError(failure, Sinks.EmitFailureHandler.FAIL_FAST);
    }

    private void append(SagaEvent event) {
        sequence++;
        events.emitNext(new Logged(sequence, event), Sinks.EmitFailureHandler.FAIL_FAST);
    }

    private SagaEvent snapshot() {
        return new SagaEvent(id(sequence), SagaEventKind.SNAPSHOT, null, null, null, clock.instant(), saga);
    }

    private synchronized void leave() {
        watchers--;
        if (watchers == 0 && !isRetired) {
            lingering = Mono.delay(linger).subscribe(tick -> retireIfIdle());
        }
    }

    private synchronized void retireIfIdle() {
        if (watchers > 0 || isRetired) {
            return;
        }
        isRetired = true;
        if (source != null) {
            source.dispose();
        }
        retired.run();
    }

    private String id(long eventSequence) {
        return epoch + "-" + eventSequence;
    }

    /** The sequence number of an event of this watch, or -1. */
    private long sequenceOf(String eventId) {
        if (eventId == null || !eventId.startsWith(epoch + "-")) {
            return -1;
        }
        try {
            return Long.parseLong(eventId.substring(epoch.length() + 1));
        }
        catch (NumberFormatException notOurs) {
            return -1;
        }
    }

    private record Logged(long sequence, SagaEvent event) {
    }

}
