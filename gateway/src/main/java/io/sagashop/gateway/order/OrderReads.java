package io.sagashop.gateway.order;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.sagashop.gateway.security.CallerTokenRelay;
import io.sagashop.gateway.services.ServiceReader;
import io.sagashop.gateway.services.ServicesProperties;
import reactor.core.publisher.Mono;

/**
 * Reads a shopper's orders from the order service with the shopper's own access token.
 * The service lets any shopper's token read an order by its id (scope {@code shop}), so
 * the gateway checks the owner: another shopper's order answers exactly like one that
 * does not exist, and a listing for another customer is empty.
 */
@Component
class OrderReads {

    private final ServiceReader orderService;

    OrderReads(ServicesProperties services, CallerTokenRelay tokenRelay) {
        this.orderService = new ServiceReader("order service", services.orderUrl(), services, tokenRelay);
    }

    Mono<OrderView> order(UUID shopper, UUID orderId) {
        return orderService
            .get("read order " + orderId, uri -> uri.path("/api/orders/{orderId}").build(orderId), OrderView.class,
                    status -> status.isSameCodeAs(HttpStatus.NOT_FOUND) ? new OrderNotFoundException(orderId) : null)
            .filter(order -> shopper.equals(order.customerId()))
            .switchIfEmpty(Mono.error(() -> new OrderNotFoundException(orderId)));
    }

    /**
     * The customer's orders, newest first, when the shopper asks for their own; an empty
     * page otherwise.
     */
    Mono<OrderPage> orders(UUID shopper, UUID customerId, int page, int size) {
        if (!shopper.equals(customerId)) {
            return Mono.just(OrderPage.empty(page, size));
        }
        return orderService.get("list the orders of customer " + customerId,
                uri -> uri.path("/api/orders")
                    .queryParam("customerId", customerId)
                    .queryParam("page", page)
                    .queryParam("size", size)
                    .build(),
                OrderPage.class);
    }

}
