package io.sagashop.order.lifecycle;

import jakarta.persistence.Embeddable;

/** One SKU and how many of it; an order's lines never change after creation. */
@Embeddable
record OrderLine(String sku, int quantity) {
}
