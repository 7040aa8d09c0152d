package io.sagashop.gateway.notification;

import java.util.List;

/** One page of a shopper's notifications, newest first; {@code page} counts from 0. */
record NotificationPage(List<NotificationView> items, int page, int size, long totalItems) {

    static NotificationPage empty(int page, int size) {
        return new NotificationPage(List.of(), page, size, 0);
    }
}
