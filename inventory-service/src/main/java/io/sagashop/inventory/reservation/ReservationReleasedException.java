package io.sagashop.inventory.reservation;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import io.sagashop.problem.ProblemException;

/**
 * The order's reservation was released, possibly before this reserve arrived (409
 * {@code reservation-released}). The saga has compensated that order; reserving now would
 * hold stock nobody releases.
 */
class ReservationReleasedException extends ProblemException {

    ReservationReleasedException(UUID orderId) {
        super(HttpStatus.CONFLICT, "reservation-released",
                "The reservation of order " + orderId + " was released; it cannot reserve stock again",
                Map.of("orderId", orderId.toString()));
    }

}
