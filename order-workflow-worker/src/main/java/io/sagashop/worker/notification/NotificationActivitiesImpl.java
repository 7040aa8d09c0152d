package io.sagashop.worker.notification;

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
class NotificationActivitiesImpl implements NotificationActivities {

    /**
     * The shop shows in-app notifications live; email needs a mail server the demo does
     * not have.
     */
    static final String CHANNEL = "IN_APP";

    private static final Logger log = LoggerFactory.getLogger(NotificationActivitiesImpl.class);

    private final NotificationClient notifications;

    NotificationActivitiesImpl(ServiceClients clients, ServicesProperties services) {
        this.notifications = clients.create("notification-service", services.notification(), NotificationClient.class);
    }

    @Override
    public void notifyShopper(UUID orderId, Notification notification) {
        var sent = notifications.send(orderId, notification.kind(),
                new NotificationClient.NotificationRequest(notification.customerId(), CHANNEL, notification.message()));
        log.info("Notified the shopper of order {}: {} via {} ({})", orderId, notification.kind(), CHANNEL,
                sent.notificationId());
    }

}
