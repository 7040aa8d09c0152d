package io.sagashop.order.lifecycle;

import java.util.UUID;

import io.sagashop.support.currency.CurrencyCode;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

record ConfirmOrderRequest(@NotNull UUID reservationId, @NotNull UUID paymentId, @NotNull @Min(1) Long totalCents,
        @NotNull @CurrencyCode String currency) {

    Confirmation confirmation() {
        return new Confirmation(reservationId, paymentId, totalCents, currency);
    }
}
