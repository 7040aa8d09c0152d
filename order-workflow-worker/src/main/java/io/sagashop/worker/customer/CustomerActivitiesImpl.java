package io.sagashop.worker.customer;

import io.sagashop.contracts.order.OrderWorkflows;
import io.sagashop.worker.http.ServiceClients;
import io.sagashop.worker.http.ServicesProperties;
import io.temporal.spring.boot.ActivityImpl;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = OrderWorkflows.TASK_QUEUE)
class CustomerActivitiesImpl implements CustomerActivities {

    private static final Logger log = LoggerFactory.getLogger(CustomerActivitiesImpl.class);

    private final CustomerClient customers;

    CustomerActivitiesImpl(ServiceClients clients, ServicesProperties services) {
        this.customers = clients.create("customer-service", services.customer(), CustomerClient.class);
    }

    @Override
    public void checkCustomer(UUID customerId, long amountCents, String currency) {
        var check = customers.checkOrder(customerId, new CustomerClient.OrderCheckRequest(amountCents, currency));
        log.info("Customer {} may spend {} {} (credit limit {})", customerId, amountCents, currency,
                check.creditLimitCents());
    }

}
