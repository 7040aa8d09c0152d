package io.sagashop.order.lifecycle;

record AwaitApprovalRequest(@StatusReason String reason) {
}
