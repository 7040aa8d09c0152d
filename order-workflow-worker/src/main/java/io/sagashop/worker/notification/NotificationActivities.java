package io.sagashop.worker.notification;

import io.temporal.activity.ActivityInterface;
import java.util.Set;
import java.util.UUID;

/**
 * The notification service's side of the saga: telling the shopper how the order went.
 */
@ActivityInterface
public interface NotificationActivities {

    /**
     * None: a notification is recorded or retried, never refused for the order's sake.
     */
    Set<String> REFUSALS = Set.of();

    /**
     * Records a notification for the shopper. Idempotency key: the order id and the
     * notification's kind.
     */
    void notifyShopper(UUID orderId, Notification notification);

}
