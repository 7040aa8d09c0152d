package io.sagashop.inventory.product;

import java.time.Instant;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A product of the catalog and its stock on hand. Reservations take and return stock with
 * conditional updates in {@link ProductRepository}, so that concurrent orders never
 * oversell; an operator's restock goes through {@link #restock(int, Instant)} under a row
 * lock.
 */
@Entity
@Table(name = "product")
class Product {

    @Id
    private String sku;

    private String name;

    private String description;

    private long priceCents;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 3)
    private String currency;

    private int stock;

    private Instant updatedAt;

    protected Product() {
        // for JPA
    }

    /** Adds delivered units to the stock and answers the stock after the delivery. */
    int restock(int quantity, Instant now) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("A restock adds at least one unit, not " + quantity);
        }
        if (quantity > Integer.MAX_VALUE - stock) {
            throw new StockLimitExceededException(sku, stock, quantity);
        }
        stock += quantity;
        updatedAt = now;
        return stock;
    }

    String getSku() {
        return sku;
    }

    String getName() {
        return name;
    }

    String getDescription() {
        return description;
    }

    long getPriceCents() {
        return priceCents;
    }

    String getCurrency() {
        return currency;
    }

    int getStock() {
        return stock;
    }

}
