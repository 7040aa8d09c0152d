package io.sagashop.notification.notification;

/** How a notification reaches the shopper. */
public enum NotificationChannel {

    EMAIL, IN_APP

}
