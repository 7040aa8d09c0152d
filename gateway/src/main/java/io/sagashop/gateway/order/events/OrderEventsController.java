package io.sagashop.gateway.order.events;

import java.time.Duration;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.sagashop.gateway.identity.Reader;
import io.sagashop.gateway.order.OrderSagas;
import io.sagashop.gateway.problem.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An order's saga as it happens, as Server-Sent Events: a browser's {@code EventSource}
 * reconnects by itself and sends the last event's id, which is all the resumption this
 * needs, and the stream only ever flows one way. (A WebSocket would add a protocol to
 * carry, and a reconnection to write, for nothing sent back.)
 */
@RestController
@RequestMapping("/api/orders")
@Tag(name = "orders")
class OrderEventsController {

    /** How soon a dropped stream's EventSource reconnects. */
    private static final Duration RECONNECT = Duration.ofSeconds(1);

    private final OrderSagas sagas;

    private final SagaWatches watches;

    private final OrderEventsProperties settings;

    OrderEventsController(OrderSagas sagas, SagaWatches watches, OrderEventsProperties settings) {
        this.sagas = sagas;
        this.watches = watches;
        this.settings = settings;
    }

    @GetMapping(path = "/{orderId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The order's saga as it happens, for its owner and operators",
            description = "Server-Sent Events. The first event is the whole saga (SNAPSHOT); then one event per "
                    + "change, each with the saga after it. The last event (ORDER_ENDED, id `end`) holds the final "
                    + "state, and the stream ends. A client that reconnects with `Last-Event-ID` gets the events "
                    + "after it; with `end` it gets 204.")
    @ApiResponse(responseCode = "200", description = "The stream of the order's saga events",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    schema = @Schema(implementation = SagaEvent.class)))
    @ApiResponse(responseCode = "204", description = "The client has the final event already (Last-Event-ID: end)",
            content = @Content)
    @ProblemResponses({ HttpStatus.NOT_FOUND, HttpStatus.SERVICE_UNAVAILABLE })
    Mono<ResponseEntity<Flux<ServerSentEvent<SagaEvent>>>> events(Reader reader, @PathVariable UUID orderId, @Parameter(
            description = "The id of the last event received, sent by a reconnecting EventSource") @RequestHeader(
                    name = "Last-Event-ID", required = false) String lastEventId) {
        return sagas.describeFor(reader, orderId).map(description -> {
            if (SagaWatch.END_ID.equals(lastEventId)) {
                return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
            }
            Flux<ServerSentEvent<SagaEvent>> events = watches
                .watch(orderId, description.getRawDescription().getWorkflowExecutionInfo().getExecution(), lastEventId)
                .map(event -> ServerSentEvent.builder(event).id(event.id()).retry(RECONNECT).build());
            return ResponseEntity.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .header("Cache-Control", "no-store")
                // Tells a buffering proxy (nginx) to pass each event on at once.
                .header("X-Accel-Buffering", "no")
                .body(withHeartbeat(events));
        });
    }

    /**
     * Comments while nothing happens (an approval may take days), until the stream ends.
     */
    private Flux<ServerSentEvent<SagaEvent>> withHeartbeat(Flux<ServerSentEvent<SagaEvent>> events) {
        return events.publish(shared -> Flux.merge(shared,
                Flux.interval(settings.heartbeat())
                    .map(tick -> ServerSentEvent.<SagaEvent>builder().comment("keep-alive").build())
                    .takeUntilOther(shared.ignoreElements())));
    }

}
