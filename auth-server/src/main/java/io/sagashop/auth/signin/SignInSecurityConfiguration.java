package io.sagashop.auth.signin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Everything that is not an endpoint of the authorization server: the sign-in form (with
 * its rate limit and Spring Security's CSRF protection), its assets, and the open
 * actuator endpoints. The rest needs a signed-in person.
 */
@Configuration(proxyBeanMethods = false)
class SignInSecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain signInSecurityFilterChain(HttpSecurity http, SignInRateLimiter limiter, SignInPage page,
            SignInPageProperties properties) {
        http.authorizeHttpRequests(authorize -> authorize
            .requestMatchers("/login", "/css/**", "/favicon.svg", "/error", "/actuator/health/**", "/actuator/info")
            .permitAll()
            .anyRequest()
            .authenticated());
        http.formLogin(form -> form.loginPage("/login")
            .usernameParameter(SignInRateLimitFilter.EMAIL_PARAMETER)
            .defaultSuccessUrl(properties.shopUrl()));
        http.addFilterBefore(new SignInRateLimitFilter(limiter, page), UsernamePasswordAuthenticationFilter.class);
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp
            .policyDirectives("default-src 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

}
