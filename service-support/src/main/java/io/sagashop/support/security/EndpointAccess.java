package io.sagashop.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The authorities a service's endpoints demand, declared in one bean beside its
 * controllers. The shared filter chain opens the probes and the API documentation first,
 * then applies these rules, then denies every request none of them names: an endpoint the
 * rules forget is refused, never open. So a rule names its method and path
 * ({@code requestMatchers(GET, "/api/orders/**")}) and never uses {@code anyRequest()},
 * which the chain keeps for its final denial.
 */
@FunctionalInterface
public interface EndpointAccess {

    void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints);

}
