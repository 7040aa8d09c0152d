package io.sagashop.inventory.reservation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

record ReservationResponse(UUID reservationId, UUID orderId, ReservationStatus status, List<Line> lines,
        long totalCents, String currency, Instant createdAt, Instant releasedAt) {

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
