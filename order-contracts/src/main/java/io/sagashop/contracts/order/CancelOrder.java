package io.sagashop.contracts.order;

public record CancelOrder(String reason) {
}
