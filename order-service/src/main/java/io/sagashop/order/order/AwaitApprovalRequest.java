package io.sagashop.order.order;

record AwaitApprovalRequest(@StatusReason String reason) {
}
