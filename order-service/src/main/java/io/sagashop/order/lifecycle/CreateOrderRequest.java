package io.sagashop.order.lifecycle;

import java.util.List;
import java.util.UUID;

import io.sagashop.problem.validation.DistinctSkus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record CreateOrderRequest(@NotNull UUID customerId,
        @NotNull @Size(min = 1, max = 50) @DistinctSkus List<@NotNull @Valid Line> lines) {

    record Line(@NotNull @Size(min = 3, max = 32) @Pattern(regexp = "^[A-Z0-9]+(-[A-Z0-9]+)*$") String sku,
            @NotNull @Min(1) @Max(100) Integer quantity) implements DistinctSkus.Line {
    }

    List<OrderLine> orderLines() {
        return lines.stream().map(line -> new OrderLine(line.sku(), line.quantity())).toList();
    }
}
