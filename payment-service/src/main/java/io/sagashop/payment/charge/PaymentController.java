package io.sagashop.payment.charge;

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

@RestController
@RequestMapping("/api/payments")
@Tag(name = "Payments", description = "One payment per order against the simulated card processor, and its refund")
class PaymentController {

    private final PaymentService payments;

    PaymentController(PaymentService payments) {
        this.payments = payments;
    }

    @PutMapping("/{orderId}")
    @Operation(summary = "Charge an order (authorize and capture); a repeated request replays the first answer "
            + "(the saga)")
    @ApiResponse(responseCode = "201", description = "Charged; Location names the payment")
    @ApiResponse(responseCode = "200", description = "A repeat of the first charge of this order: its payment")
    @ApiResponse(responseCode = "409",
            description = "The order was charged with other values (idempotency-conflict), or its payment was voided by a refund "
                    + "(payment-voided)")
    @ApiResponse(responseCode = "422",
            description = "Declined and recorded: card-declined (declineCode CARD_DECLINED or UNKNOWN_TOKEN) or insufficient-funds; "
                    + "or unsupported-currency")
    @ApiResponse(responseCode = "503",
            description = "The card processor is unavailable (processor-unavailable, with Retry-After): nothing was charged, "
                    + "retry the same request; or the access token cannot be checked now")
    ResponseEntity<PaymentResponse> charge(@PathVariable UUID orderId, @Valid @RequestBody ChargeRequest request) {
        return payments.charge(orderId, request).toResponse("/api/payments/{orderId}", orderId);
    }

    @PostMapping("/{orderId}/refund")
    @Operation(summary = "Refund the order's payment in full, or void the order if it was not charged yet (the saga)")
    @ApiResponse(responseCode = "200",
            description = "Refunded or voided, now or earlier; a declined payment is answered as it is")
    PaymentResponse refund(@PathVariable UUID orderId) {
        return payments.refund(orderId);
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "Show the order's payment (the saga or an operator)")
    @ApiResponse(responseCode = "200", description = "The payment")
    @ApiResponse(responseCode = "404", description = "The order has no payment (payment-not-found)")
    PaymentResponse find(@PathVariable UUID orderId) {
        return payments.find(orderId);
    }

}
