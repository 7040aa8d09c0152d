package io.sagashop.notification.inbox;

/** How a notification reaches the shopper. */
public enum NotificationChannel {

    EMAIL, IN_APP

}
