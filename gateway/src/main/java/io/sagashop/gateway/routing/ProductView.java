package io.sagashop.gateway.routing;

/** A product as inventory-service answers it (its {@code ProductResponse}). */
record ProductView(String sku, String name, String description, long priceCents, String currency, int stock) {
}
