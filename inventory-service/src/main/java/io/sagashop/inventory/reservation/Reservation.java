package io.sagashop.inventory.reservation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.sagashop.inventory.product.TakenStock;
import io.sagashop.problem.IdempotencyConflictException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * The stock held for one order. It is created RESERVED with all its lines, or RELEASED
 * without lines when a release arrives before any reserve did (a tombstone); once
 * RELEASED it never holds stock again, so a reserve still in flight when the saga
 * compensated cannot leak stock.
 */
@Entity
@Table(name = "reservation")
class Reservation {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(nullable = false, updatable = false)
    private UUID orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReservationStatus status;

    @Column(nullable = false, updatable = false)
    private long totalCents;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 3, nullable = false, updatable = false)
    private String currency;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    private Instant releasedAt;

    @ElementCollection
    @CollectionTable(name = "reservation_line", joinColumns = @JoinColumn(name = "reservation_id"))
    @OrderBy("sku")
    private List<ReservationLine> lines = new ArrayList<>();

    protected Reservation() {
        // for JPA
    }

    private Reservation(UUID orderId, ReservationStatus status, long totalCents, String currency, Instant createdAt,
            Instant releasedAt, List<ReservationLine> lines) {
        this.orderId = orderId;
        this.status = status;
        this.totalCents = totalCents;
        this.currency = currency;
        this.createdAt = createdAt;
        this.releasedAt = releasedAt;
        this.lines = new ArrayList<>(lines);
    }

    /**
     * Holds the stock already taken for an order; all lines must be priced in one
     * currency.
     */
    static Reservation reserve(UUID orderId, List<TakenStock> taken, Instant now) {
        if (taken.isEmpty()) {
            throw new IllegalArgumentException("A reservation holds at least one line");
        }
        String currency = taken.getFirst().currency();
        long total = 0;
        List<ReservationLine> lines = new ArrayList<>();
        for (TakenStock stock : taken) {
            if (!stock.currency().equals(currency)) {
                throw new CurrencyMismatchException(stock.sku(), stock.currency(), currency);
            }
            ReservationLine line = new ReservationLine(stock.sku(), stock.name(), stock.quantity(),
                    stock.unitPriceCents());
            total = Math.addExact(total, line.getLineTotalCents());
            lines.add(line);
        }
        return new Reservation(orderId, ReservationStatus.RESERVED, total, currency, now, null, lines);
    }

    /**
     * Records that the order's stock is released before any of it was reserved, so none
     * ever will be.
     */
    static Reservation releasedBeforeReserved(UUID orderId, String currency, Instant now) {
        return new Reservation(orderId, ReservationStatus.RELEASED, 0, currency, now, now, List.of());
    }

    /**
     * Checks that a repeated reserve for this order asks for what was reserved, so it may
     * be answered with this reservation.
     */
    void checkReplayOf(Map<String, Integer> requestedQuantitiesBySku) {
        if (status == ReservationStatus.RELEASED) {
            throw new ReservationReleasedException(orderId);
        }
        if (!quantitiesBySku().equals(requestedQuantitiesBySku)) {
            throw new IdempotencyConflictException(orderId.toString());
        }
    }

    /**
     * Releases the reservation and answers the lines whose stock must go back: all of
     * them the first time, none when it was released already.
     */
    List<ReservationLine> release(Instant now) {
        if (status == ReservationStatus.RELEASED) {
            return List.of();
        }
        status = ReservationStatus.RELEASED;
        releasedAt = now;
        return Collections.unmodifiableList(lines);
    }

    private Map<String, Integer> quantitiesBySku() {
        Map<String, Integer> quantities = new TreeMap<>();
        lines.forEach(line -> quantities.put(line.getSku(), line.getQuantity()));
        return quantities;
    }

    UUID getId() {
        return id;
    }

    UUID getOrderId() {
        return orderId;
    }

    ReservationStatus getStatus() {
        return status;
    }

    long getTotalCents() {
        return totalCents;
    }

    String getCurrency() {
        return currency;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getReleasedAt() {
        return releasedAt;
    }

    List<ReservationLine> getLines() {
        return Collections.unmodifiableList(lines);
    }

}
