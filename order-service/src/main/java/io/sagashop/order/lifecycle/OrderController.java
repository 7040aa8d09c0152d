package io.sagashop.order.lifecycle;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

// No @Validated: Spring MVC validates the constrained parameters itself and reports them as
// HandlerMethodValidationException, which the shared problem advice turns into field errors.
@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders", description = "Orders, their lines and status history")
class OrderController {

    // Keeps page * size (the row offset) well inside what a database query accepts.
    private static final int MAX_PAGE = 100_000;

    private final OrderService orders;

    OrderController(OrderService orders) {
        this.orders = orders;
    }

    @PutMapping("/{orderId}")
    @Operation(summary = "Create a PENDING order under the caller's id; a repeat returns the first result (the saga)")
    @ApiResponse(responseCode = "201", description = "Created; Location names the order")
    @ApiResponse(responseCode = "200", description = "A repeat of the first request for this id: its order")
    @ApiResponse(responseCode = "409", description = "The id holds another order (idempotency-conflict)")
    ResponseEntity<OrderResponse> create(@PathVariable UUID orderId, @Valid @RequestBody CreateOrderRequest request) {
        return orders.create(orderId, request).toResponse("/api/orders/{orderId}", orderId);
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "Get an order with its lines and status history")
    @ApiResponse(responseCode = "200", description = "The order")
    @ApiResponse(responseCode = "404", description = "No order has this id (order-not-found)")
    OrderResponse get(@PathVariable UUID orderId) {
        return orders.get(orderId);
    }

    @GetMapping
    @Operation(summary = "List a customer's orders, newest first (the saga, or a shopper for their own)")
    OrderPage list(@RequestParam UUID customerId, @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return orders.listByCustomer(customerId, page, size);
    }

    @PostMapping("/{orderId}/await-approval")
    @Operation(summary = "Hold a PENDING order for an operator's approval (the saga)")
    @ApiResponse(responseCode = "200",
            description = "Awaiting approval, now or by an earlier request with the same reason")
    @ApiResponse(responseCode = "404", description = "No order has this id (order-not-found)")
    @ApiResponse(responseCode = "409",
            description = "The order's status does not lead there (illegal-transition), or it made this step with other values "
                    + "(idempotency-conflict)")
    OrderResponse awaitApproval(@PathVariable UUID orderId, @Valid @RequestBody AwaitApprovalRequest request) {
        return orders.awaitApproval(orderId, request);
    }

    @PostMapping("/{orderId}/confirm")
    @Operation(summary = "Confirm an order, recording its reservation, payment and total (the saga)")
    @ApiResponse(responseCode = "200", description = "Confirmed, now or by an earlier request with the same values")
    @ApiResponse(responseCode = "404", description = "No order has this id (order-not-found)")
    @ApiResponse(responseCode = "409",
            description = "The order's status does not lead there (illegal-transition), or it made this step with other values "
                    + "(idempotency-conflict)")
    @ApiResponse(responseCode = "422", description = "The shop does not sell in this currency (unsupported-currency)")
    OrderResponse confirm(@PathVariable UUID orderId, @Valid @RequestBody ConfirmOrderRequest request) {
        return orders.confirm(orderId, request);
    }

    @PostMapping("/{orderId}/cancel")
    @Operation(summary = "Cancel an order that is not yet confirmed (the saga)")
    @ApiResponse(responseCode = "200", description = "Cancelled, now or by an earlier request with the same reason")
    @ApiResponse(responseCode = "404", description = "No order has this id (order-not-found)")
    @ApiResponse(responseCode = "409",
            description = "The order's status does not lead there (illegal-transition), or it made this step with other values "
                    + "(idempotency-conflict)")
    OrderResponse cancel(@PathVariable UUID orderId, @Valid @RequestBody CancelOrderRequest request) {
        return orders.cancel(orderId, request);
    }

}
