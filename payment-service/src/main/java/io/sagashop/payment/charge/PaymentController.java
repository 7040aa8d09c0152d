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
    @Operation(summary = "Charge an order (authorize and capture); a repeated request replays the first answer")
    ResponseEntity<PaymentResponse> charge(@PathVariable UUID orderId, @Valid @RequestBody ChargeRequest request) {
        return payments.charge(orderId, request).toResponse("/api/payments/{orderId}", orderId);
    }

    @PostMapping("/{orderId}/refund")
    @Operation(summary = "Refund the order's payment in full, or void the order if it was not charged yet")
    PaymentResponse refund(@PathVariable UUID orderId) {
        return payments.refund(orderId);
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "Show the order's payment")
    PaymentResponse find(@PathVariable UUID orderId) {
        return payments.find(orderId);
    }

}
