package io.sagashop.worker.inventory;

import io.sagashop.contracts.order.OrderLine;
import io.sagashop.contracts.order.OrderWorkflows;
import io.sagashop.worker.http.ServiceClients;
import io.sagashop.worker.http.ServiceFailures;
import io.sagashop.worker.http.ServicesProperties;
import io.temporal.spring.boot.ActivityImpl;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = OrderWorkflows.TASK_QUEUE)
class InventoryActivitiesImpl implements InventoryActivities {

    private static final Logger log = LoggerFactory.getLogger(InventoryActivitiesImpl.class);

    private final InventoryClient inventory;

    InventoryActivitiesImpl(ServiceClients clients, ServicesProperties services) {
        this.inventory = clients.create("inventory-service", services.inventory(), InventoryClient.class);
    }

    @Override
    public Reservation reserveStock(UUID orderId, List<OrderLine> lines) {
        Reservation reservation = inventory.reserve(orderId, new InventoryClient.ReservationRequest(lines));
        log.info("Reserved {} line(s) for order {}: {} {} {}", lines.size(), orderId, reservation.reservationId(),
                reservation.totalCents(), reservation.currency());
        return reservation;
    }

    @Override
    public void releaseReservation(UUID orderId) {
        ServiceFailures.retryEvenIfRefused(() -> {
            var reservation = inventory.release(orderId);
            log.info("Released the reservation of order {}, status {}", orderId, reservation.status());
        });
    }

}
