package io.sagashop.inventory.reservation;

/**
 * A reserve's result, and whether this request made it ({@code false}: a replay of an
 * earlier request).
 */
record ReservationOutcome(ReservationResponse reservation, boolean created) {
}
