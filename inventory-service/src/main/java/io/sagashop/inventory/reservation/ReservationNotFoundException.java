package io.sagashop.inventory.reservation;

import java.util.UUID;

import io.sagashop.problem.ResourceNotFoundException;

/**
 * No reservation was made or released for the order (404 {@code reservation-not-found}).
 */
class ReservationNotFoundException extends ResourceNotFoundException {

    ReservationNotFoundException(UUID orderId) {
        super("reservation", orderId);
    }

}
