package io.sagashop.notification.inbox;

/**
 * Why a shopper is told something about an order: the saga's outcomes a shopper waits
 * for.
 */
public enum NotificationKind {

    ORDER_CONFIRMED, ORDER_CANCELLED, APPROVAL_PENDING

}
