package io.sagashop.order;

import static io.sagashop.support.security.Authorities.SAGA;
import static io.sagashop.support.security.Authorities.SHOP;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import io.sagashop.support.security.EndpointAccess;
import io.sagashop.support.security.OwnRecords;

/**
 * Who may call the order API: only the saga creates orders and moves them on; shoppers
 * (through the gateway) and the saga read them, a shopper's token listing only its own
 * customer's orders.
 */
@Component
class OrderAccess implements EndpointAccess {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
        endpoints.requestMatchers(PUT, "/api/orders/{orderId}")
            .hasAuthority(SAGA)
            .requestMatchers(POST, "/api/orders/{orderId}/await-approval", "/api/orders/{orderId}/confirm",
                    "/api/orders/{orderId}/cancel")
            .hasAuthority(SAGA)
            .requestMatchers(GET, "/api/orders")
            .access(OwnRecords.ofTheSagaOrTheSubject("customerId"))
            .requestMatchers(GET, "/api/orders/**")
            .hasAnyAuthority(SHOP, SAGA);
    }

}
