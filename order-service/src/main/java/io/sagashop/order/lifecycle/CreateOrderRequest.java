package io.sagashop.order.lifecycle;

import java.util.List;
import java.util.UUID;

import io.sagashop.problem.validation.DistinctSkus;
import io.sagashop.problem.validation.Sku;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record CreateOrderRequest(@NotNull UUID customerId, @NotNull @Size(min = 1, max = 50,
        message = "must have 1 to 50 lines") @DistinctSkus List<@NotNull @Valid Line> lines) {

    @Schema(name = "CreateOrderLine")
    record Line(@NotNull @Sku String sku, @NotNull @Min(1) @Max(100) Integer quantity) implements DistinctSkus.Line {
    }

    List<OrderLine> orderLines() {
        return lines.stream().map(line -> new OrderLine(line.sku(), line.quantity())).toList();
    }
}
