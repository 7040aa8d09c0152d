package io.sagashop.worker.inventory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/**
 * Stock held for an order and what it costs, priced by the catalog: the inventory
 * service's answer to a reservation, of which the saga keeps only these fields (the
 * service may add others without breaking the worker).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Reservation(UUID reservationId, long totalCents, String currency) {
}
