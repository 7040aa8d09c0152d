package io.sagashop.inventory.reservation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A reservation; {@code releasedAt} is null while it holds stock. A release that came
 * before any reserve answers a released reservation without lines and a total of 0.
 */
record ReservationResponse(UUID reservationId, UUID orderId, ReservationStatus status, List<Line> lines,
        long totalCents, String currency, Instant createdAt, @Nullable Instant releasedAt) {

    @Schema(name = "ReservedLine")
    record Line(String sku, String name, int quantity, long unitPriceCents, long lineTotalCents) {
    }

    static ReservationResponse of(Reservation reservation) {
        List<Line> lines = reservation.getLines()
            .stream()
            .map(line -> new Line(line.getSku(), line.getProductName(), line.getQuantity(), line.getUnitPriceCents(),
                    line.getLineTotalCents()))
            .toList();
        return new ReservationResponse(reservation.getId(), reservation.getOrderId(), reservation.getStatus(), lines,
                reservation.getTotalCents(), reservation.getCurrency(), reservation.getCreatedAt(),
                reservation.getReleasedAt());
    }
}
