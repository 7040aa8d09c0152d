package io.sagashop.worker.inventory;

import java.util.UUID;

/** Stock held for an order and what it costs, priced by the catalog. */
public record Reservation(UUID reservationId, long totalCents, String currency) {
}
