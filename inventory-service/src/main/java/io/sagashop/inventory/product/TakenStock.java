package io.sagashop.inventory.product;

/**
 * Units taken from a product's stock, priced from the catalog at the moment they were
 * taken.
 */
public record TakenStock(String sku, String name, int quantity, long unitPriceCents, String currency) {
}
