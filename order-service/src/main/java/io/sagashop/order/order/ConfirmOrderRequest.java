package io.sagashop.order.order;

import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

record ConfirmOrderRequest(
        @NotNull UUID reservationId,
        @NotNull UUID paymentId,
        @NotNull @Min(1) Long totalCents,
        @NotNull @Pattern(regexp = "^[A-Z]{3}$") String currency) {

    Confirmation confirmation() {
        return new Confirmation(reservationId, paymentId, totalCents, currency);
    }
}
