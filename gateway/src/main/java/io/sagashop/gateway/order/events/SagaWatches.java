package io.sagashop.gateway.order.events;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.temporal.api.common.v1.WorkflowExecution;
import reactor.core.publisher.Flux;

/**
 * The orders being watched, one {@link SagaWatch} each, made on the first watcher's
 * arrival and dropped when it retires: nothing is followed for an order nobody watches.
 */
@Component
class SagaWatches {

    private final Map<UUID, SagaWatch> watches = new ConcurrentHashMap<>();

    private final SagaObservations observations;

    private final OrderEventsProperties settings;

    private final Clock clock;

    SagaWatches(SagaObservations observations, OrderEventsProperties settings) {
        this.observations = observations;
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    Flux<SagaEvent> watch(UUID orderId, WorkflowExecution run, String lastEventId) {
        return Flux.defer(() -> {
            while (true) {
                SagaWatch watch = watches.computeIfAbsent(orderId, id -> newWatch(id, run));
                Optional<Flux<SagaEvent>> joined = watch.join(lastEventId);
                if (joined.isPresent()) {
                    return joined.get();
                }
                // Retired between the lookup and the join: it removes itself, then a new
                // one is made.
                watches.remove(orderId, watch);
            }
        });
    }

    /** How many orders are followed now. */
    int watched() {
        return watches.size();
    }

    private SagaWatch newWatch(UUID orderId, WorkflowExecution run) {
        SagaWatch[] made = new SagaWatch[1];
        made[0] = new SagaWatch(run.getWorkflowId(), observations.of(run), settings.linger(), clock,
                () -> watches.remove(orderId, made[0]));
        return made[0];
    }

}
