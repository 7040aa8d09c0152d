package io.sagashop.worker.notification;

import java.util.UUID;

public record Notification(UUID customerId, NotificationKind kind, String message) {
}
