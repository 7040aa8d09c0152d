package io.sagashop.notification.channel;

import io.sagashop.notification.inbox.NotificationRecorded;

/** Hands a recorded notification to the shopper's channel. */
interface NotificationSender {

    void send(NotificationRecorded notification);

}
