package io.sagashop.payment.payment;

import java.util.UUID;

import io.sagashop.payment.processor.TestCardToken;
import io.sagashop.support.currency.CurrencyCode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * What to charge for an order. An unknown {@code paymentToken} is refused while the body
 * is read.
 */
record ChargeRequest(@NotNull UUID customerId, @NotNull @Min(1) @Max(10_000_000) Long amountCents,
        @NotNull @CurrencyCode String currency, @NotNull TestCardToken paymentToken) {
}
