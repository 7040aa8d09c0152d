package io.sagashop.inventory.product;

/**
 * A restock's result, and whether this request recorded it ({@code false}: a replay of an
 * earlier request).
 */
record RestockOutcome(RestockResponse restock, boolean created) {
}
