package io.sagashop.inventory;

import static io.sagashop.support.security.Authorities.OPERATOR;
import static io.sagashop.support.security.Authorities.SAGA;
import static io.sagashop.support.security.Authorities.SHOP;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import io.sagashop.support.security.EndpointAccess;

/**
 * Who may call the inventory API: the catalog is read for shoppers and the saga,
 * reservations are the saga's, restocks an operator's.
 */
@Component
class InventoryAccess implements EndpointAccess {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
        endpoints.requestMatchers(GET, "/api/products/**")
            .hasAnyAuthority(SHOP, SAGA)
            .requestMatchers(POST, "/api/products/{sku}/restocks")
            .hasAuthority(OPERATOR)
            .requestMatchers(PUT, "/api/reservations/{orderId}")
            .hasAuthority(SAGA)
            .requestMatchers(POST, "/api/reservations/{orderId}/release")
            .hasAuthority(SAGA)
            .requestMatchers(GET, "/api/reservations/{orderId}")
            .hasAnyAuthority(SAGA, OPERATOR);
    }

}
