package io.sagashop.gateway.routing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Delivered units to add to a product's stock, as inventory-service takes them. */
record RestockRequest(@NotNull @Min(1) @Max(10_000) Integer quantity) {
}
