package io.sagashop.order.order;

record CancelOrderRequest(@StatusReason String reason) {
}
