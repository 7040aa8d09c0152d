package io.sagashop.payment.charge;

import java.util.UUID;

import io.sagashop.support.currency.CurrencyCode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * What to charge for an order. Any {@code paymentToken} of a provider's shape is taken
 * (the gateway checks the same): what it means is the processor's answer, and a token it
 * never issued is a declined card, not a malformed request.
 */
record ChargeRequest(@NotNull UUID customerId, @NotNull @Min(1) @Max(10_000_000) Long amountCents,
        @NotNull @CurrencyCode String currency, @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,255}",
                message = "must be 1 to 255 letters, digits, '_' or '-'") String paymentToken) {
}
