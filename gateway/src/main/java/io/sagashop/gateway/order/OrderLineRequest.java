package io.sagashop.gateway.order;

import io.sagashop.contracts.order.OrderLine;
import io.sagashop.problem.validation.DistinctSkus;
import io.sagashop.problem.validation.Sku;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * One line of a shopper's order: what and how many, never a price (the inventory prices
 * it).
 */
record OrderLineRequest(@NotNull @Sku String sku,
        @NotNull @Min(1) @Max(100) Integer quantity) implements DistinctSkus.Line {

    OrderLine toOrderLine() {
        return new OrderLine(sku, quantity);
    }
}
