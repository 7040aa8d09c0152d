package io.sagashop.order.lifecycle;

record CancelOrderRequest(@StatusReason String reason) {
}
