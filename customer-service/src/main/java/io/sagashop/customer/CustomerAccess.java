package io.sagashop.customer;

import static io.sagashop.support.security.Authorities.OPERATOR;
import static io.sagashop.support.security.Authorities.SAGA;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import io.sagashop.support.security.EndpointAccess;

/**
 * Who may call the customer API. The list holds every customer's email and credit limit:
 * operators only. The saga reads a customer and checks an order; operators register.
 */
@Component
class CustomerAccess implements EndpointAccess {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
        endpoints.requestMatchers(GET, "/api/customers")
            .hasAuthority(OPERATOR)
            .requestMatchers(GET, "/api/customers/{customerId}")
            .hasAnyAuthority(SAGA, OPERATOR)
            .requestMatchers(POST, "/api/customers")
            .hasAuthority(OPERATOR)
            .requestMatchers(POST, "/api/customers/{customerId}/order-checks")
            .hasAuthority(SAGA);
    }

}
