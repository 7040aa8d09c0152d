package io.sagashop.gateway.notification;

import java.util.UUID;

import org.springframework.stereotype.Component;

import io.sagashop.gateway.security.CallerTokenRelay;
import io.sagashop.gateway.services.ServiceReader;
import io.sagashop.gateway.services.ServicesProperties;
import reactor.core.publisher.Mono;

/**
 * Reads a shopper's notifications from the notification service with the shopper's own
 * token. As with orders, the gateway checks the owner first and a listing for another
 * customer is empty; the service refuses such a listing to a shopper's token too.
 */
@Component
class NotificationReads {

    private final ServiceReader notificationService;

    NotificationReads(ServicesProperties services, CallerTokenRelay tokenRelay) {
        this.notificationService = new ServiceReader("notification service", services.notificationUrl(), services,
                tokenRelay);
    }

    /**
     * The customer's notifications, newest first, when the shopper asks for their own; an
     * empty page otherwise.
     */
    Mono<NotificationPage> notifications(UUID shopper, UUID customerId, int page, int size) {
        if (!shopper.equals(customerId)) {
            return Mono.just(NotificationPage.empty(page, size));
        }
        return notificationService.get("list the notifications of customer " + customerId,
                uri -> uri.path("/api/notifications")
                    .queryParam("customerId", customerId)
                    .queryParam("page", page)
                    .queryParam("size", size)
                    .build(),
                NotificationPage.class);
    }

}
