package io.sagashop.notification.channel;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.sagashop.notification.inbox.NotificationRecorded;

@Component
class NotificationDispatcher {

    private final NotificationSender sender;

    NotificationDispatcher(NotificationSender sender) {
        this.sender = sender;
    }

    /**
     * Sends only after the notification is committed, so a shopper never hears of one
     * that was rolled back. A failing send is logged by Spring and does not undo the
     * record, which stays undelivered.
     */
    @TransactionalEventListener
    void send(NotificationRecorded notification) {
        sender.send(notification);
    }

}
