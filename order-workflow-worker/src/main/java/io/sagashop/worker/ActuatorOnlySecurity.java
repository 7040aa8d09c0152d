package io.sagashop.worker;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The worker serves nothing but its probes and metrics; with Spring Security on the
 * classpath (for its own tokens) every other path is closed rather than given a login
 * page.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorOnlySecurity {

    @Bean
    SecurityFilterChain actuatorOnly(HttpSecurity http) {
        return http
            .authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.toAnyEndpoint())
                .permitAll()
                .anyRequest()
                .denyAll())
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable())
            .build();
    }

}
