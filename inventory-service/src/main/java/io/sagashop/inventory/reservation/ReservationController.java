package io.sagashop.inventory.reservation;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

// The order id is the idempotency key of reserve and release: the saga retries them with the same id.
@RestController
@RequestMapping("/api/reservations")
@Tag(name = "Reservations", description = "Stock held for orders")
class ReservationController {

    private final ReservationService reservations;

    ReservationController(ReservationService reservations) {
        this.reservations = reservations;
    }

    @PutMapping("/{orderId}")
    @Operation(summary = "Reserve all lines of an order at catalog prices, or none (idempotent on the order id; "
            + "the saga)")
    @ApiResponse(responseCode = "201", description = "Reserved; Location names the reservation")
    @ApiResponse(responseCode = "200", description = "A repeat of the first request for this order: its reservation")
    @ApiResponse(responseCode = "409",
            description = "The order reserved other quantities (idempotency-conflict), or its reservation was released "
                    + "(reservation-released)")
    @ApiResponse(responseCode = "422",
            description = "Nothing reserved: unknown-sku, out-of-stock, or currency-mismatch when the lines are priced in different "
                    + "currencies")
    ResponseEntity<ReservationResponse> reserve(@PathVariable UUID orderId,
            @Valid @RequestBody ReservationRequest request) {
        return reservations.reserve(orderId, request.lines()).toResponse("/api/reservations/{orderId}", orderId);
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "Get the reservation of an order (the saga or an operator)")
    @ApiResponse(responseCode = "200", description = "The reservation")
    @ApiResponse(responseCode = "404",
            description = "Nothing was reserved or released for the order (reservation-not-found)")
    ReservationResponse get(@PathVariable UUID orderId) {
        return reservations.find(orderId);
    }

    @PostMapping("/{orderId}/release")
    @Operation(summary = "Release the order's reservation and return its stock (idempotent; the saga)")
    @ApiResponse(responseCode = "200",
            description = "Released, now or earlier; without a reservation, a released one that refuses a later reserve")
    ReservationResponse release(@PathVariable UUID orderId) {
        return reservations.release(orderId);
    }

}
