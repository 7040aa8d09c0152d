package io.sagashop.inventory.reservation;

import java.util.List;

import io.sagashop.problem.validation.DistinctSkus;
import io.sagashop.problem.validation.Sku;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What an order needs; prices are never taken from the client but from the catalog. */
record ReservationRequest(@NotNull @Size(min = 1, max = 50,
        message = "must have 1 to 50 lines") @DistinctSkus List<@NotNull @Valid Line> lines) {

    @Schema(name = "ReservationRequestLine")
    record Line(@NotNull @Sku String sku, @NotNull @Min(1) @Max(100) Integer quantity) implements DistinctSkus.Line {
    }
}
