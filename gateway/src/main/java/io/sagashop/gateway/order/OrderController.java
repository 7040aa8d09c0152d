package io.sagashop.gateway.order;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.sagashop.contracts.order.SagaState;
import io.sagashop.gateway.identity.Shopper;
import io.sagashop.gateway.problem.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import reactor.core.publisher.Mono;

/**
 * A shopper's orders: placing one starts its workflow; the saga view and cancellation
 * talk to that workflow. The order itself and the shopper's order list are read from the
 * order service, for their owner only.
 */
@RestController
@RequestMapping("/api/orders")
@Tag(name = "orders")
class OrderController {

    // The order service's limits: page * size (the row offset) stays well inside what a
    // database query accepts.
    private static final int MAX_PAGE = 100_000;

    private static final int MAX_PAGE_SIZE = 100;

    private final OrderSagas sagas;

    private final OrderReads reads;

    OrderController(OrderSagas sagas, OrderReads reads) {
        this.sagas = sagas;
        this.reads = reads;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Place an order; repeating the request with the same Idempotency-Key finds the same order",
            description = "202 with the order's saga URL and its run in the Temporal UI; 409 when the key placed "
                    + "another cart")
    @ProblemResponses({ HttpStatus.CONFLICT, HttpStatus.SERVICE_UNAVAILABLE })
    Mono<ResponseEntity<OrderAccepted>> place(Shopper shopper, @RequestHeader("Idempotency-Key") @Pattern(
            regexp = "[A-Za-z0-9._:-]{1,100}",
            message = "must be 1 to 100 characters of A-Z, a-z, 0-9, '.', '_', ':' and '-'") String idempotencyKey,
            @Valid @RequestBody PlaceOrderRequest request) {
        return sagas.place(shopper.customerId(), idempotencyKey, request)
            .map(accepted -> ResponseEntity.accepted()
                .location(URI.create("/api/orders/" + accepted.orderId()))
                .body(accepted));
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "The shopper's order with its lines and status history; another shopper's is not found")
    @ProblemResponses({ HttpStatus.NOT_FOUND, HttpStatus.SERVICE_UNAVAILABLE })
    Mono<OrderView> order(Shopper shopper, @PathVariable UUID orderId) {
        return reads.order(shopper.customerId(), orderId);
    }

    @GetMapping
    @Operation(summary = "The shopper's orders, newest first; customerId must be the shopper's own, "
            + "any other customer's list is empty")
    @ProblemResponses(HttpStatus.SERVICE_UNAVAILABLE)
    Mono<OrderPage> orders(Shopper shopper, @RequestParam UUID customerId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return reads.orders(shopper.customerId(), customerId, page, size);
    }

    @GetMapping("/{orderId}/saga")
    @Operation(summary = "Where the order's saga stands, step by step, with live attempts of retried steps")
    @ProblemResponses({ HttpStatus.NOT_FOUND, HttpStatus.SERVICE_UNAVAILABLE })
    Mono<SagaState> saga(Shopper shopper, @PathVariable UUID orderId) {
        return sagas.sagaState(shopper.customerId(), orderId);
    }

    @PostMapping("/{orderId}/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Cancel the order; refused once it is being charged",
            description = "202 once the saga has compensated; 409 once an operator has decided or the payment step "
                    + "has started")
    @ProblemResponses({ HttpStatus.NOT_FOUND, HttpStatus.CONFLICT, HttpStatus.SERVICE_UNAVAILABLE })
    Mono<ResponseEntity<SagaState>> cancel(Shopper shopper, @PathVariable UUID orderId,
            @Valid @RequestBody(required = false) CancelRequest request) {
        String reason = request == null ? CancelRequest.DEFAULT_REASON : request.reasonOrDefault();
        return sagas.cancel(shopper.customerId(), orderId, reason).map(state -> ResponseEntity.accepted().body(state));
    }

}
