package io.sagashop.inventory.reservation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.sagashop.inventory.product.StockKeeper;
import io.sagashop.inventory.product.TakenStock;
import io.sagashop.support.idempotency.IdempotentWrites;
import io.sagashop.support.idempotency.Written;

/**
 * Reserves and releases the stock of orders, idempotently on the order id: the
 * {@code reservation.order_id} unique constraint decides which of a reserve and a release
 * (or of two copies of one) wrote the order's reservation first, and the others answer
 * from it.
 */
@Service
class ReservationService {

    private static final Logger log = LoggerFactory.getLogger(ReservationService.class);

    private final ReservationRepository reservations;

    private final StockKeeper stock;

    private final ReservationProperties properties;

    private final IdempotentWrites writes;

    private final Clock clock;

    ReservationService(ReservationRepository reservations, StockKeeper stock, ReservationProperties properties,
            IdempotentWrites writes, Clock clock) {
        this.reservations = reservations;
        this.stock = stock;
        this.properties = properties;
        this.writes = writes;
        this.clock = clock;
    }

    /**
     * Takes stock for every line, in SKU order, or for none: a failing line rolls back
     * the lines taken before it. A repeated request is answered with the reservation it
     * made.
     * @throws ReservationReleasedException when the order was released before this
     * reserve
     * @throws io.sagashop.problem.IdempotencyConflictException when the order reserved
     * other quantities
     */
    Written<ReservationResponse> reserve(UUID orderId, List<ReservationRequest.Line> lines) {
        SortedMap<String, Integer> requested = quantitiesBySku(lines);
        return writes.firstWrite(() -> reserved(orderId, requested), () -> {
            List<TakenStock> taken = new ArrayList<>();
            requested.forEach((sku, quantity) -> taken.add(stock.take(sku, quantity)));
            Reservation reservation = reservations.saveAndFlush(Reservation.reserve(orderId, taken, clock.instant()));
            log.info("Reserved {} lines for order {}, total {} {}", taken.size(), orderId, reservation.getTotalCents(),
                    reservation.getCurrency());
            return ReservationResponse.of(reservation);
        });
    }

    @Transactional(readOnly = true)
    ReservationResponse find(UUID orderId) {
        return reservations.findByOrderId(orderId)
            .map(ReservationResponse::of)
            .orElseThrow(() -> new ReservationNotFoundException(orderId));
    }

    /**
     * Releases the order's reservation and returns its stock, once. Without a reservation
     * it records a released one, so that a reserve arriving later is refused instead of
     * holding stock nobody will release; when a reserve wins that race after all, its
     * reservation is released instead.
     */
    ReservationResponse release(UUID orderId) {
        return writes.firstWrite(() -> reservations.findByOrderIdForUpdate(orderId).map(this::release), () -> {
            Reservation tombstone = reservations.saveAndFlush(
                    Reservation.releasedBeforeReserved(orderId, properties.tombstoneCurrency(), clock.instant()));
            log.info("Released order {} before anything was reserved for it", orderId);
            return ReservationResponse.of(tombstone);
        }).value();
    }

    private ReservationResponse release(Reservation reservation) {
        List<ReservationLine> returned = reservation.release(clock.instant());
        returned.stream()
            .sorted(Comparator.comparing(ReservationLine::getSku))
            .forEach(line -> stock.giveBack(line.getSku(), line.getQuantity()));
        if (!returned.isEmpty()) {
            log.info("Released reservation of order {}, returned {} lines to stock", reservation.getOrderId(),
                    returned.size());
        }
        return ReservationResponse.of(reservation);
    }

    private Optional<ReservationResponse> reserved(UUID orderId, Map<String, Integer> requested) {
        return reservations.findByOrderId(orderId).map(earlier -> {
            earlier.checkReplayOf(requested);
            return ReservationResponse.of(earlier);
        });
    }

    // Sorted by SKU: every request takes its product rows' locks in this one order, so
    // none deadlock.
    private static SortedMap<String, Integer> quantitiesBySku(List<ReservationRequest.Line> lines) {
        SortedMap<String, Integer> quantities = new TreeMap<>();
        lines.forEach(line -> quantities.put(line.sku(), line.quantity()));
        return quantities;
    }

}
