package io.sagashop.gateway.order;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.sagashop.contracts.order.SagaState;
import io.sagashop.gateway.identity.Shopper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import reactor.core.publisher.Mono;

/**
 * A shopper's orders as sagas: placing one starts its workflow; the saga view and cancellation talk to that
 * workflow. Reading the order itself ({@code GET /api/orders/{id}}) is routed to the order service.
 */
@RestController
@RequestMapping("/api/orders")
@Tag(name = "orders")
class OrderController {

    private final OrderSagas sagas;

    OrderController(OrderSagas sagas) {
        this.sagas = sagas;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Place an order; repeating the request with the same Idempotency-Key finds the same order")
    Mono<ResponseEntity<OrderAccepted>> place(Shopper shopper,
            @RequestHeader("Idempotency-Key")
            @Pattern(regexp = "[A-Za-z0-9._:-]{1,100}",
                    message = "must be 1 to 100 characters of A-Z, a-z, 0-9, '.', '_', ':' and '-'")
            String idempotencyKey,
            @Valid @RequestBody PlaceOrderRequest request) {
        return sagas.place(shopper.customerId(), idempotencyKey, request)
                .map(accepted -> ResponseEntity.accepted()
                        .location(URI.create("/api/orders/" + accepted.orderId()))
                        .body(accepted));
    }

    @GetMapping("/{orderId}/saga")
    @Operation(summary = "Where the order's saga stands, step by step, with live attempts of retried steps")
    Mono<SagaState> saga(Shopper shopper, @PathVariable UUID orderId) {
        return sagas.sagaState(shopper.customerId(), orderId);
    }

    @PostMapping("/{orderId}/cancel")
    @Operation(summary = "Cancel the order; refused once it is being charged")
    Mono<ResponseEntity<SagaState>> cancel(Shopper shopper, @PathVariable UUID orderId,
            @Valid @RequestBody(required = false) CancelRequest request) {
        String reason = request == null ? CancelRequest.DEFAULT_REASON : request.reasonOrDefault();
        return sagas.cancel(shopper.customerId(), orderId, reason)
                .map(state -> ResponseEntity.accepted().body(state));
    }
}
