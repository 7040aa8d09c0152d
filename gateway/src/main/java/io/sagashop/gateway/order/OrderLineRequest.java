package io.sagashop.gateway.order;

import io.sagashop.contracts.order.OrderLine;
import io.sagashop.problem.validation.DistinctSkus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One line of a shopper's order: what and how many, never a price (the inventory prices
 * it).
 */
record OrderLineRequest(
        @NotNull @Size(min = 3, max = 32, message = "must be 3 to 32 characters") @Pattern(
                regexp = "[A-Z0-9]+(-[A-Z0-9]+)*",
                message = "must be upper-case letters and digits in groups "
                        + "joined by single hyphens, like COF-ESPRESSO-250") String sku,
        @NotNull @Min(value = 1, message = "must be at least 1") @Max(value = 100,
                message = "must be at most 100") Integer quantity)
        implements
            DistinctSkus.Line {

    OrderLine toOrderLine() {
        return new OrderLine(sku, quantity);
    }
}
