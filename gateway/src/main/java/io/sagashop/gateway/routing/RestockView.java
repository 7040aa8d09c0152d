package io.sagashop.gateway.routing;

import java.time.Instant;
import java.util.UUID;

/** A restock as inventory-service recorded it (its {@code RestockResponse}). */
record RestockView(UUID restockId, String sku, int quantity, int stockAfter, Instant createdAt) {
}
