package io.sagashop.order.lifecycle;

import io.sagashop.problem.validation.Reason;
import jakarta.validation.constraints.NotBlank;

record CancelOrderRequest(@NotBlank @Reason String reason) {
}
