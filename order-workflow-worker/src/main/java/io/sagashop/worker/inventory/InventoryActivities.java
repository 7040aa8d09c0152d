package io.sagashop.worker.inventory;

import io.sagashop.contracts.order.OrderLine;
import io.temporal.activity.ActivityInterface;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The inventory service's side of the saga: stock held for the order. */
@ActivityInterface
public interface InventoryActivities {

    /** The business answers that end the saga: no retry changes them. */
    Set<String> REFUSALS = Set.of("unknown-sku", "out-of-stock");

    /**
     * Reserves all lines or none, priced from the catalog. Fails with {@code unknown-sku}
     * or {@code out-of-stock}. Idempotency key: the order id (a replay answers the first
     * reservation).
     */
    Reservation reserveStock(UUID orderId, List<OrderLine> lines);

    /**
     * Compensation: returns the reserved stock; with no reservation it records that none
     * may be made later. Idempotency key: the order id (stock is returned once).
     */
    void releaseReservation(UUID orderId);

}
