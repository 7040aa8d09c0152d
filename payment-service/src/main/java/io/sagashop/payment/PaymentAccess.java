package io.sagashop.payment;

import static io.sagashop.support.security.Authorities.OPERATOR;
import static io.sagashop.support.security.Authorities.SAGA;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import io.sagashop.support.security.EndpointAccess;

/**
 * Who may call the payment API: only the saga charges and refunds; an operator may look a
 * payment up and set the simulated processor's faults.
 */
@Component
class PaymentAccess implements EndpointAccess {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
        endpoints.requestMatchers(PUT, "/api/payments/{orderId}")
            .hasAuthority(SAGA)
            .requestMatchers(POST, "/api/payments/{orderId}/refund")
            .hasAuthority(SAGA)
            .requestMatchers(GET, "/api/payments/{orderId}")
            .hasAnyAuthority(SAGA, OPERATOR)
            .requestMatchers("/api/operator/**")
            .hasAuthority(OPERATOR);
    }

}
