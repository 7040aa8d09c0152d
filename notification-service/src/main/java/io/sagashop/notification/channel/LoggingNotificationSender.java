package io.sagashop.notification.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.sagashop.notification.inbox.NotificationRecorded;

/**
 * Stands in for a mail server and the in-app inbox: it writes the notification to the
 * log. Logging proves no delivery, so the notification stays undelivered
 * ({@code delivered_at} null) for a channel that can.
 */
@Component
class LoggingNotificationSender implements NotificationSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingNotificationSender.class);

    @Override
    public void send(NotificationRecorded notification) {
        log.info("Sending {} notification {} for order {} to customer {} via {}: {}", notification.kind(),
                notification.notificationId(), notification.orderId(), notification.customerId(),
                notification.channel(), notification.message());
    }

}
