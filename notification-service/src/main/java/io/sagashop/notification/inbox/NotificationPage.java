package io.sagashop.notification.inbox;

import java.util.List;

import org.springframework.data.domain.Page;

/** One page of a listing; {@code page} counts from 0. */
record NotificationPage(List<NotificationResponse> items, int page, int size, long totalItems) {

    static NotificationPage of(Page<Notification> page) {
        return new NotificationPage(page.map(NotificationResponse::of).getContent(), page.getNumber(), page.getSize(),
                page.getTotalElements());
    }
}
