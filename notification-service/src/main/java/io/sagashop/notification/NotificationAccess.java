package io.sagashop.notification;

import static io.sagashop.support.security.Authorities.SAGA;
import static io.sagashop.support.security.Authorities.SHOP;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PUT;

import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

import io.sagashop.support.security.EndpointAccess;
import io.sagashop.support.security.OwnRecords;

/**
 * Who may call the notification API: only the saga records (and so sends) notifications;
 * shoppers (through the gateway) and the saga read them, a shopper's token listing only
 * its own customer's notifications.
 */
@Component
class NotificationAccess implements EndpointAccess {

    private static final String CUSTOMER_ID = "customerId";

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
        endpoints.requestMatchers(PUT, "/api/notifications/**")
            .hasAuthority(SAGA)
            .requestMatchers(GET, "/api/notifications")
            .access(customerListsOfTheirOwn())
            .requestMatchers(GET, "/api/notifications/**")
            .hasAnyAuthority(SHOP, SAGA);
    }

    /**
     * One path lists a customer's notifications ({@code ?customerId=}) or an order's
     * ({@code ?orderId=}): the customer's list is the owner's, while an order's stays
     * open to both readers, as order ids are keyed and cannot be guessed. A request
     * naming neither reaches the controller, which says what it needs.
     */
    private static AuthorizationManager<RequestAuthorizationContext> customerListsOfTheirOwn() {
        AuthorizationManager<RequestAuthorizationContext> ownList = OwnRecords.ofTheSagaOrTheSubject(CUSTOMER_ID);
        AuthorizationManager<RequestAuthorizationContext> reader = AuthorityAuthorizationManager.hasAnyAuthority(SHOP,
                SAGA);
        return (authentication, context) -> context.getRequest().getParameter(CUSTOMER_ID) != null
                ? ownList.authorize(authentication, context) : reader.authorize(authentication, context);
    }

}
