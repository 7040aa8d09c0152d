package io.sagashop.payment.payment;

import java.util.UUID;

import io.sagashop.payment.processor.TestCardToken;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** What to charge for an order. An unknown {@code paymentToken} is refused while the body is read. */
record ChargeRequest(
        @NotNull UUID customerId,
        @NotNull @Min(1) @Max(10_000_000) Long amountCents,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code such as EUR")
        String currency,
        @NotNull TestCardToken paymentToken) {
}
