package io.sagashop.inventory.reservation;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Makes reserve and release idempotent under concurrency. Two first requests for one
 * order race on the {@code reservation.order_id} unique constraint; the loser's
 * transaction rolls back (returning any stock it took) and a new transaction answers from
 * the winner's committed row. Kept outside the transaction for that reason.
 */
@Service
class ReservationService {

    private static final Logger log = LoggerFactory.getLogger(ReservationService.class);

    private final ReservationLedger ledger;

    ReservationService(ReservationLedger ledger) {
        this.ledger = ledger;
    }

    ReservationOutcome reserve(UUID orderId, List<ReservationRequest.Line> lines) {
        try {
            return ledger.reserve(orderId, lines);
        }
        catch (DataIntegrityViolationException ex) {
            log.debug("Reserve for order {} lost a race; answering from the winner's row", orderId);
            // The winner may be a reserve (a replay, or a conflict) or a release
            // (reservation-released).
            return ledger.replay(orderId, lines)
                .map(winner -> new ReservationOutcome(winner, false))
                .orElseThrow(() -> ex);
        }
    }

    ReservationResponse find(UUID orderId) {
        return ledger.find(orderId);
    }

    ReservationResponse release(UUID orderId) {
        try {
            return ledger.release(orderId);
        }
        catch (DataIntegrityViolationException ex) {
            // Another request created the order's reservation while this one recorded a
            // tombstone for it;
            // releasing again now finds that reservation.
            log.debug("Release for order {} lost a race; releasing the winner's reservation", orderId);
            return ledger.release(orderId);
        }
    }

}
