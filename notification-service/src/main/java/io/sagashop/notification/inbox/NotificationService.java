package io.sagashop.notification.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.sagashop.problem.IdempotencyConflictException;
import io.sagashop.problem.ResourceNotFoundException;

@Service
class NotificationService {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private static final Sort OLDEST_FIRST = Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("id"));

    private final NotificationRepository notifications;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    NotificationService(NotificationRepository notifications, ApplicationEventPublisher events, Clock clock) {
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records the notification for an order and kind once; a repeated request gets the
     * first one back and sends nothing again, a request with other content for the same
     * key is refused.
     */
    @Transactional
    Recording record(UUID orderId, NotificationKind kind, NotificationRequest request) {
        Instant now = clock.instant();
        boolean created = notifications.insertIfAbsent(UUID.randomUUID(), orderId, request.customerId(), kind.name(),
                request.channel().name(), request.message(), now) == 1;
        Notification notification = notifications.findByOrderIdAndKind(orderId, kind)
            .orElseThrow(() -> new IllegalStateException(
                    "Notification " + orderId + "/" + kind + " neither recorded nor found"));
        if (created) {
            events.publishEvent(notification.recorded());
        }
        else if (!notification.hasContent(request.customerId(), request.channel(), request.message())) {
            throw new IdempotencyConflictException(orderId + "/" + kind);
        }
        return new Recording(NotificationResponse.of(notification), created);
    }

    @Transactional(readOnly = true)
    NotificationResponse find(UUID orderId, NotificationKind kind) {
        return notifications.findByOrderIdAndKind(orderId, kind)
            .map(NotificationResponse::of)
            .orElseThrow(() -> new ResourceNotFoundException("notification", orderId + "/" + kind));
    }

    @Transactional(readOnly = true)
    NotificationPage listForCustomer(UUID customerId, int page, int size) {
        return NotificationPage
            .of(notifications.findByCustomerId(customerId, PageRequest.of(page, size, NEWEST_FIRST)));
    }

    @Transactional(readOnly = true)
    NotificationPage listForOrder(UUID orderId, int page, int size) {
        return NotificationPage.of(notifications.findByOrderId(orderId, PageRequest.of(page, size, OLDEST_FIRST)));
    }

    /** The notification and whether this request recorded it (false for a replay). */
    record Recording(NotificationResponse notification, boolean created) {
    }

}
