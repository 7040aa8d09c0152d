package io.sagashop.support.security;

import java.util.List;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A service with one endpoint for the saga and one for operators. */
@SpringBootApplication
class SecuredTestApplication {

    @Bean
    EndpointAccess sagaAndOperatorReads() {
        return endpoints -> endpoints.requestMatchers("/saga-reads")
            .hasAuthority(Authorities.SAGA)
            .requestMatchers("/operator-reads")
            .hasAuthority(Authorities.OPERATOR);
    }

    /**
     * Both answer the scopes and roles the caller's token grants (not Spring's own
     * {@code FACTOR_BEARER}).
     */
    @RestController
    static class ReadsController {

        @GetMapping({ "/saga-reads", "/operator-reads" })
        List<String> authorities(Authentication caller) {
            return caller.getAuthorities()
                .stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("SCOPE_") || authority.startsWith("ROLE_"))
                .sorted()
                .toList();
        }

    }

}
