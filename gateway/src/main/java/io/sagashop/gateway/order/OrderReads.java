package io.sagashop.gateway.order;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.sagashop.contracts.order.OrderWorkflows;
import io.sagashop.gateway.security.CallerTokenRelay;
import io.sagashop.gateway.services.ServiceReader;
import io.sagashop.gateway.services.ServicesProperties;
import io.sagashop.gateway.temporal.TemporalProperties;
import reactor.core.publisher.Mono;

/**
 * Reads a shopper's orders from the order service with the shopper's own access token.
 * The service lets any shopper's token read an order by its id (scope {@code shop}), so
 * the gateway checks the owner: another shopper's order answers exactly like one that
 * does not exist, and a listing for another customer is empty. Each order gets the link
 * to its run in the Temporal UI, which the order service cannot know.
 */
@Component
class OrderReads {

    private final ServiceReader orderService;

    private final TemporalProperties temporal;

    OrderReads(ServicesProperties services, CallerTokenRelay tokenRelay, TemporalProperties temporal) {
        this.orderService = new ServiceReader("order service", services.orderUrl(), services, tokenRelay);
        this.temporal = temporal;
    }

    Mono<OrderView> order(UUID shopper, UUID orderId) {
        return orderService
            .get("read order " + orderId, uri -> uri.path("/api/orders/{orderId}").build(orderId), OrderView.class,
                    status -> status.isSameCodeAs(HttpStatus.NOT_FOUND) ? new OrderNotFoundException(orderId) : null)
            .filter(order -> shopper.equals(order.customerId()))
            .switchIfEmpty(Mono.error(() -> new OrderNotFoundException(orderId)))
            .map(this::withRunLink);
    }

    /**
     * The customer's orders, newest first, when the shopper asks for their own; an empty
     * page otherwise.
     */
    Mono<OrderPage> orders(UUID shopper, UUID customerId, int page, int size) {
        if (!shopper.equals(customerId)) {
            return Mono.just(OrderPage.empty(page, size));
        }
        return orderService
            .get("list the orders of customer " + customerId,
                    uri -> uri.path("/api/orders")
                        .queryParam("customerId", customerId)
                        .queryParam("page", page)
                        .queryParam("size", size)
                        .build(),
                    OrderPage.class)
            .map(orders -> new OrderPage(orders.items().stream().map(this::withRunLink).toList(), orders.page(),
                    orders.size(), orders.totalItems()));
    }

    private OrderView withRunLink(OrderView order) {
        return order.withTemporalUiUrl(temporal.uiUrlOf(OrderWorkflows.workflowId(order.orderId())));
    }

}
