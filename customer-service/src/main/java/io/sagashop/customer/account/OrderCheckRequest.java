package io.sagashop.customer.account;

import io.sagashop.support.currency.CurrencyCode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

record OrderCheckRequest(@NotNull @Positive Long amountCents, @NotNull @CurrencyCode String currency) {
}
