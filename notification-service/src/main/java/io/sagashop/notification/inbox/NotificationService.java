package io.sagashop.notification.inbox;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.sagashop.problem.IdempotencyConflictException;
import io.sagashop.problem.ResourceNotFoundException;
import io.sagashop.support.idempotency.IdempotentWrites;
import io.sagashop.support.idempotency.Written;

@Service
class NotificationService {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private static final Sort OLDEST_FIRST = Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("id"));

    private final NotificationRepository notifications;

    private final ApplicationEventPublisher events;

    private final IdempotentWrites writes;

    private final Clock clock;

    NotificationService(NotificationRepository notifications, ApplicationEventPublisher events, IdempotentWrites writes,
            Clock clock) {
        this.notifications = notifications;
        this.events = events;
        this.writes = writes;
        this.clock = clock;
    }

    /**
     * Records the notification for an order and kind once; a repeated request gets the
     * first one back and sends nothing again.
     * @throws IdempotencyConflictException when the order and kind hold other content
     */
    Written<NotificationResponse> record(UUID orderId, NotificationKind kind, NotificationRequest request) {
        return writes.firstWrite(() -> recorded(orderId, kind, request), () -> {
            Notification notification = notifications.saveAndFlush(new Notification(orderId, request.customerId(), kind,
                    request.channel(), request.message(), clock.instant()));
            // Delivered after the commit, so a request that loses the race sends nothing.
            events.publishEvent(notification.recorded());
            return NotificationResponse.of(notification);
        });
    }

    private Optional<NotificationResponse> recorded(UUID orderId, NotificationKind kind, NotificationRequest request) {
        return notifications.findByOrderIdAndKind(orderId, kind).map(earlier -> {
            if (!earlier.hasContent(request.customerId(), request.channel(), request.message())) {
                throw new IdempotencyConflictException(orderId + "/" + kind);
            }
            return NotificationResponse.of(earlier);
        });
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

}
