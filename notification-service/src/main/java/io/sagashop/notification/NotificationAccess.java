package io.sagashop.notification;

import static io.sagashop.support.security.Authorities.SAGA;
import static io.sagashop.support.security.Authorities.SHOP;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PUT;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import io.sagashop.support.security.EndpointAccess;

/**
 * Who may call the notification API: only the saga records (and so sends) notifications;
 * shoppers (through the gateway) and the saga read them.
 */
@Component
class NotificationAccess implements EndpointAccess {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
        endpoints.requestMatchers(PUT, "/api/notifications/**")
            .hasAuthority(SAGA)
            .requestMatchers(GET, "/api/notifications/**")
            .hasAnyAuthority(SHOP, SAGA);
    }

}
