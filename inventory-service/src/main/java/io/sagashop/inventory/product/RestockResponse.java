package io.sagashop.inventory.product;

import java.time.Instant;
import java.util.UUID;

record RestockResponse(UUID restockId, String sku, int quantity, int stockAfter, Instant createdAt) {

    static RestockResponse of(Restock restock) {
        return new RestockResponse(restock.getId(), restock.getSku(), restock.getQuantity(), restock.getStockAfter(),
                restock.getCreatedAt());
    }
}
