package io.sagashop.inventory.product;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One delivery of units to a product's stock, recorded under the operator's idempotency
 * key.
 */
@Entity
@Table(name = "restock")
class Restock {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    private String idempotencyKey;

    private String sku;

    private int quantity;

    private int stockAfter;

    private Instant createdAt;

    protected Restock() {
        // for JPA
    }

    Restock(String idempotencyKey, String sku, int quantity, int stockAfter, Instant createdAt) {
        this.idempotencyKey = idempotencyKey;
        this.sku = sku;
        this.quantity = quantity;
        this.stockAfter = stockAfter;
        this.createdAt = createdAt;
    }

    /**
     * Whether a request with this restock's key asks for the same delivery, so it may
     * replay this result.
     */
    boolean isSameRequest(String sku, int quantity) {
        return this.sku.equals(sku) && this.quantity == quantity;
    }

    UUID getId() {
        return id;
    }

    String getIdempotencyKey() {
        return idempotencyKey;
    }

    String getSku() {
        return sku;
    }

    int getQuantity() {
        return quantity;
    }

    int getStockAfter() {
        return stockAfter;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

}
