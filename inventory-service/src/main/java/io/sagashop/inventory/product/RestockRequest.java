package io.sagashop.inventory.product;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

record RestockRequest(@NotNull @Min(1) @Max(10_000) Integer quantity) {
}
