package io.sagashop.worker.notification;

/**
 * One notification of each kind per order at most: the kind is part of its idempotency
 * key.
 */
public enum NotificationKind {

    ORDER_CONFIRMED, ORDER_CANCELLED, APPROVAL_PENDING

}
