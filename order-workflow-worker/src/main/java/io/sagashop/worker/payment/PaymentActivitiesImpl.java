package io.sagashop.worker.payment;

import io.sagashop.contracts.order.OrderWorkflows;
import io.sagashop.worker.http.ServiceClients;
import io.sagashop.worker.http.ServiceFailures;
import io.sagashop.worker.http.ServicesProperties;
import io.temporal.spring.boot.ActivityImpl;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = OrderWorkflows.TASK_QUEUE)
class PaymentActivitiesImpl implements PaymentActivities {

    private static final Logger log = LoggerFactory.getLogger(PaymentActivitiesImpl.class);

    private final PaymentClient payments;

    PaymentActivitiesImpl(ServiceClients clients, ServicesProperties services) {
        this.payments = clients.create("payment-service", services.payment(), PaymentClient.class);
    }

    @Override
    public UUID chargePayment(UUID orderId, Charge charge) {
        var payment = payments.charge(orderId, charge);
        log.info("Charged {} {} for order {}: payment {} {}", charge.amountCents(), charge.currency(), orderId,
                payment.paymentId(), payment.status());
        return payment.paymentId();
    }

    @Override
    public void refundPayment(UUID orderId) {
        ServiceFailures.retryEvenIfRefused(() -> {
            var payment = payments.refund(orderId);
            log.info("Refunded the payment of order {}, status {}", orderId, payment.status());
        });
    }

}
