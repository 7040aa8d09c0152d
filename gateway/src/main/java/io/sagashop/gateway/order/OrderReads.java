package io.sagashop.gateway.order;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import io.netty.channel.ChannelOption;
import io.netty.handler.timeout.TimeoutException;
import io.sagashop.gateway.security.CallerTokenRelay;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Reads a shopper's orders from the order service with the shopper's own access token.
 * The service lets any shopper's token read orders (scope {@code shop}), so the gateway
 * checks the owner: another shopper's order answers exactly like one that does not exist,
 * and a listing for another customer is empty.
 */
@Component
class OrderReads {

    // A page of 100 orders of 50 lines each, with their status history, stays well under
    // this.
    private static final int MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

    private final WebClient orderService;

    private final OrderServiceProperties properties;

    OrderReads(OrderServiceProperties properties, CallerTokenRelay tokenRelay) {
        this.properties = properties;
        HttpClient http = HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()))
            .responseTimeout(properties.responseTimeout());
        this.orderService = WebClient.builder()
            .baseUrl(properties.orderUrl().toString())
            .clientConnector(new ReactorClientHttpConnector(http))
            .filter(tokenRelay.toServices())
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_RESPONSE_BYTES))
            .build();
    }

    Mono<OrderView> order(UUID shopper, UUID orderId) {
        String what = "read order " + orderId;
        return orderService.get()
            .uri("/api/orders/{orderId}", orderId)
            .accept(MediaType.APPLICATION_JSON)
            .retrieve()
            .onStatus(status -> status.isSameCodeAs(HttpStatus.NOT_FOUND),
                    response -> response.releaseBody().then(Mono.error(new OrderNotFoundException(orderId))))
            .onStatus(HttpStatusCode::isError, response -> unexpected(response, what))
            .bodyToMono(OrderView.class)
            .filter(order -> shopper.equals(order.customerId()))
            .switchIfEmpty(Mono.error(() -> new OrderNotFoundException(orderId)))
            .onErrorMap(WebClientRequestException.class, ex -> unavailable(what, ex));
    }

    /**
     * The customer's orders, newest first, when the shopper asks for their own; an empty
     * page otherwise.
     */
    Mono<OrderPage> orders(UUID shopper, UUID customerId, int page, int size) {
        if (!shopper.equals(customerId)) {
            return Mono.just(OrderPage.empty(page, size));
        }
        String what = "list the orders of customer " + customerId;
        return orderService.get()
            .uri(uri -> uri.path("/api/orders")
                .queryParam("customerId", customerId)
                .queryParam("page", page)
                .queryParam("size", size)
                .build())
            .accept(MediaType.APPLICATION_JSON)
            .retrieve()
            .onStatus(HttpStatusCode::isError, response -> unexpected(response, what))
            .bodyToMono(OrderPage.class)
            .switchIfEmpty(Mono.error(() -> new OrderServiceUnavailableException(
                    "The order service answered without a body when asked to " + what)))
            .onErrorMap(WebClientRequestException.class, ex -> unavailable(what, ex));
    }

    /**
     * The order service refused or failed a read the gateway asked correctly: nothing the
     * shopper can fix.
     */
    private static Mono<Throwable> unexpected(ClientResponse response, String what) {
        return response.releaseBody()
            .then(Mono.error(new OrderServiceUnavailableException(
                    "The order service answered " + response.statusCode().value() + " when asked to " + what)));
    }

    private OrderServiceUnavailableException unavailable(String what, WebClientRequestException ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return new OrderServiceUnavailableException("The order service did not answer within "
                        + properties.responseTimeout().toMillis() + " ms when asked to " + what);
            }
        }
        return new OrderServiceUnavailableException("The order service is unavailable; could not " + what);
    }

}
