package io.sagashop.order.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record CancelOrderRequest(@NotBlank @Size(max = 500) String reason) {
}
