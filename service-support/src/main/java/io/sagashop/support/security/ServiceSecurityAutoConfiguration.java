package io.sagashop.support.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.OAuth2ProtectedResourceMetadataFilter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;

import jakarta.servlet.DispatcherType;

/**
 * Makes every service an OAuth 2 resource server: no request reaches a controller without
 * a valid bearer token (signed by the configured issuer's key, from that issuer, for this
 * service, not expired) whose authorities the service's {@link EndpointAccess} rules
 * accept. Stateless: no session, no cookies, so no CSRF to guard against. Boot builds the
 * token decoder from its standard properties, whose defaults
 * {@link ResourceServerDefaults} contributes. Runs before Boot's security configurations,
 * whose default filter chains then stand back.
 */
@AutoConfiguration(before = { OAuth2ResourceServerAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class })
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableConfigurationProperties({ OAuth2ResourceServerProperties.class, ServiceSecurityProperties.class })
public class ServiceSecurityAutoConfiguration {

    /**
     * What probes, metrics scrapers and readers of the API documentation reach without a
     * token.
     */
    static final String[] OPEN_PATHS = { "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html" };

    @Bean
    SecurityFilterChain serviceSecurityFilterChain(HttpSecurity http, OAuth2ResourceServerProperties resourceServer,
            ServiceSecurityProperties settings, ObjectProvider<EndpointAccess> endpointAccess) {
        ResourceServerSettings.requireComplete(resourceServer.getJwt());
        TokenRefusals refusals = new TokenRefusals();
        JwtAuthenticationConverter tokens = new JwtAuthenticationConverter();
        tokens.setJwtGrantedAuthoritiesConverter(new TokenAuthorities(settings.rolesClaim()));
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(AbstractHttpConfigurer::disable)
            .requestCache(AbstractHttpConfigurer::disable)
            .formLogin(AbstractHttpConfigurer::disable)
            .httpBasic(AbstractHttpConfigurer::disable)
            .logout(AbstractHttpConfigurer::disable)
            .oauth2ResourceServer(
                    resourceServerConfig -> resourceServerConfig.jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
                        .authenticationEntryPoint(refusals)
                        .accessDeniedHandler(refusals)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(new UnverifiableTokens(refusals));
                                return filter;
                            }
                        }))
            .exceptionHandling(
                    exceptions -> exceptions.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
            .authorizeHttpRequests(endpoints -> {
                // An error dispatch answers a request that was already let through.
                endpoints.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                endpoints.requestMatchers(OPEN_PATHS).permitAll();
                endpointAccess.orderedStream().forEach(access -> access.authorize(endpoints));
                endpoints.anyRequest().denyAll();
            });
        DefaultSecurityFilterChain chain = http.build();
        // Spring Security 7 serves RFC 9728 metadata at
        // /.well-known/oauth-protected-resource
        // before any rule applies, with no switch to turn it off; the contract opens no
        // such
        // path, so the filter goes and the path is denied like every unlisted one.
        chain.getFilters().removeIf(OAuth2ProtectedResourceMetadataFilter.class::isInstance);
        return chain;
    }

    /**
     * Spring Security's firewall applies it to what it refuses, before any token is read.
     */
    @Bean
    FirewallRejections firewallRejections() {
        return new FirewallRejections();
    }

}
