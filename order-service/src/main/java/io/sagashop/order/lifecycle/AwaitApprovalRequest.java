package io.sagashop.order.lifecycle;

import io.sagashop.problem.validation.Reason;
import jakarta.validation.constraints.NotBlank;

record AwaitApprovalRequest(@NotBlank @Reason String reason) {
}
