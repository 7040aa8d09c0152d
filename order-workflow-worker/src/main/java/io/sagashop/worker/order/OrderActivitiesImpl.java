package io.sagashop.worker.order;

import io.sagashop.contracts.order.OrderWorkflows;
import io.sagashop.contracts.order.PlaceOrder;
import io.sagashop.worker.http.ServiceClients;
import io.sagashop.worker.http.ServiceFailures;
import io.sagashop.worker.http.ServicesProperties;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = OrderWorkflows.TASK_QUEUE)
class OrderActivitiesImpl implements OrderActivities {

    private static final Logger log = LoggerFactory.getLogger(OrderActivitiesImpl.class);

    private static final String ORDER_NOT_FOUND = "order-not-found";

    private final OrderClient orders;

    OrderActivitiesImpl(ServiceClients clients, ServicesProperties services) {
        this.orders = clients.create("order-service", services.order(), OrderClient.class);
    }

    @Override
    public RecordedOrder createOrder(PlaceOrder order) {
        RecordedOrder recorded = orders.create(order.orderId(),
                new OrderClient.CreateOrderRequest(order.customerId(), order.lines()));
        log.info("Order {} recorded, status {}", order.orderId(), recorded.status());
        return recorded;
    }

    @Override
    public void awaitApproval(UUID orderId, String reason) {
        var order = orders.awaitApproval(orderId, new OrderClient.ReasonRequest(reason));
        log.info("Order {} waits for approval, status {}", orderId, order.status());
    }

    @Override
    public void confirmOrder(UUID orderId, OrderConfirmation confirmation) {
        var order = orders.confirm(orderId, confirmation);
        log.info("Order {} confirmed, status {}", orderId, order.status());
    }

    @Override
    public void cancelOrder(UUID orderId, String reason) {
        ServiceFailures.retryEvenIfRefused(() -> {
            try {
                var order = orders.cancel(orderId, new OrderClient.ReasonRequest(reason));
                log.info("Order {} cancelled ({}), status {}", orderId, reason, order.status());
            }
            catch (ApplicationFailure failure) {
                if (!ORDER_NOT_FOUND.equals(failure.getType())) {
                    throw failure;
                }
                // Its creation failed for good before the saga ended: there is nothing to
                // cancel.
                log.info("Order {} was never created; nothing to cancel", orderId);
            }
        });
    }

}
