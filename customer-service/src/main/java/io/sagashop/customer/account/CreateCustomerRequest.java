package io.sagashop.customer.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * @param creditLimitCents at most 100,000.00: the largest charge the payment service
 * takes, so an order that passes the credit check can always be charged
 */
record CreateCustomerRequest(@NotBlank @Size(max = 100) String name, @NotBlank @Email @Size(max = 254) String email,
        @NotNull @PositiveOrZero @Max(10_000_000) Long creditLimitCents) {
}
