package io.sagashop.inventory.reservation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Units of one product held for an order, at the catalog price of the moment they were
 * reserved.
 */
@Embeddable
class ReservationLine {

    @Column(nullable = false, updatable = false)
    private String sku;

    @Column(nullable = false, updatable = false)
    private String productName;

    @Column(nullable = false, updatable = false)
    private int quantity;

    @Column(nullable = false, updatable = false)
    private long unitPriceCents;

    protected ReservationLine() {
        // for JPA
    }

    ReservationLine(String sku, String productName, int quantity, long unitPriceCents) {
        this.sku = sku;
        this.productName = productName;
        this.quantity = quantity;
        this.unitPriceCents = unitPriceCents;
    }

    String getSku() {
        return sku;
    }

    String getProductName() {
        return productName;
    }

    int getQuantity() {
        return quantity;
    }

    long getUnitPriceCents() {
        return unitPriceCents;
    }

    long getLineTotalCents() {
        return Math.multiplyExact(unitPriceCents, quantity);
    }

}
