package io.sagashop.contracts.order;

public record OrderLine(String sku, int quantity) {
}
