package io.sagashop.gateway.security;

import java.net.URI;

import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import io.sagashop.gateway.identity.RolesClaim;
import io.sagashop.gateway.ratelimit.RateLimitFilter;
import io.sagashop.gateway.ratelimit.RateLimitProperties;
import io.sagashop.gateway.shop.ShopShell;
import reactor.core.publisher.Flux;

/**
 * Who may call what, in one filter chain for both kinds of caller: an API client with
 * {@code Authorization: Bearer} (the gateway is a resource server of the shop's issuer,
 * audience {@code gateway}), and a browser signed in through the gateway (the gateway is
 * its backend: the browser holds only the HttpOnly session cookie, the tokens stay here).
 *
 * <p>
 * Operator endpoints need the role {@code OPERATOR}; every other API call needs a caller,
 * and which caller is the handler's to decide ({@code CallerArgumentResolver}). An API
 * call without one is a 401 problem. The shop's shell ({@link ShopShell}) loads for
 * anyone: it asks {@code /api/me} and offers to sign in itself. A browser navigating
 * anywhere else is sent to sign in.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] OPEN = { "/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
            "/webjars/swagger-ui/**", "/oauth2/authorization/**", "/login/oauth2/code/**" };

    private static final String API = "/api/**";

    @Bean
    SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, RolesClaim roles,
            ReactiveClientRegistrationRepository registrations, SignInProperties signIn, ServerProperties server,
            RateLimitProperties rateLimits) {
        Cookie sessionCookie = server.getReactive().getSession().getCookie();
        CookieServerCsrfTokenRepository csrfTokens = SessionCsrf.tokens(Boolean.TRUE.equals(sessionCookie.getSecure()));
        ServerRequestCache requestCache = requestCache();
        http.authorizeExchange(exchanges -> exchanges.pathMatchers(OPEN)
            .permitAll()
            .matchers(ShopShell.requests())
            .permitAll()
            .pathMatchers("/api/operator/**")
            .hasRole("OPERATOR")
            .anyExchange()
            .authenticated())
            .oauth2ResourceServer(resourceServer -> resourceServer
                .jwt(jwt -> jwt.jwtAuthenticationConverter(bearerAuthentication(roles)))
                .authenticationEntryPoint(Refusals.unauthenticated())
                .accessDeniedHandler(Refusals.forbidden()))
            .requestCache(cache -> cache.requestCache(requestCache))
            .oauth2Login(login -> login.authenticationSuccessHandler(afterSignIn(csrfTokens, requestCache))
                .authenticationFailureHandler(Refusals::signInFailed))
            .logout(logout -> logout.logoutHandler(handlers -> handlers.add(new WebSessionServerLogoutHandler()))
                .logoutSuccessHandler(signOutAtTheIssuer(registrations, signIn)))
            .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                .requireCsrfProtectionMatcher(SessionCsrf.requiresToken(sessionCookie.getName()))
                .accessDeniedHandler(Refusals.csrfRefused()))
            .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint(requestCache))
                .accessDeniedHandler(Refusals.forbidden()))
            // Before the filter that sends the browser to the issuer.
            .addFilterBefore(new SignInReturn(requestCache), SecurityWebFiltersOrder.HTTP_BASIC)
            .addFilterAfter(SessionCsrf.issuesTokenCookie(), SecurityWebFiltersOrder.CSRF)
            .addFilterBefore(new RateLimitFilter(rateLimits), SecurityWebFiltersOrder.AUTHORIZATION);
        return http.build();
    }

    /** An access token's authorities: its scopes ({@code SCOPE_shop}) and its roles. */
    private static ReactiveJwtAuthenticationConverter bearerAuthentication(RolesClaim roles) {
        JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
        ReactiveJwtAuthenticationConverter converter = new ReactiveJwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> Flux.fromIterable(scopes.convert(jwt))
            .concatWith(Flux.fromIterable(roles.authorities(jwt.getClaims()))));
        return converter;
    }

    /**
     * Remembers where a browser was going when it was sent to sign in, to send it back
     * there after. Looked up only on the way back (the URL then carries
     * {@code continue}), so that no other request reads, let alone creates, a session: an
     * API call with a Bearer token never touches one.
     */
    private static ServerRequestCache requestCache() {
        WebSessionServerRequestCache requestCache = new WebSessionServerRequestCache();
        requestCache.setMatchingRequestParameterName("continue");
        return requestCache;
    }

    private static ServerAuthenticationEntryPoint entryPoint(ServerRequestCache requestCache) {
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegatingServerAuthenticationEntryPoint.DelegateEntry(ServerWebExchangeMatchers.pathMatchers(API),
                        Refusals.unauthenticated()));
        RedirectServerAuthenticationEntryPoint signIn = new RedirectServerAuthenticationEntryPoint(
                SignInConfiguration.SIGN_IN_PATH);
        signIn.setRequestCache(requestCache);
        entryPoint.setDefaultEntryPoint(signIn);
        return entryPoint;
    }

    /**
     * A new CSRF token for the new session: one planted before sign-in would otherwise
     * stay valid after it.
     */
    private static ServerAuthenticationSuccessHandler afterSignIn(CookieServerCsrfTokenRepository csrfTokens,
            ServerRequestCache requestCache) {
        RedirectServerAuthenticationSuccessHandler redirect = new RedirectServerAuthenticationSuccessHandler();
        redirect.setRequestCache(requestCache);
        return (exchange, authentication) -> csrfTokens.saveToken(exchange.getExchange(), null)
            .then(redirect.onAuthenticationSuccess(exchange, authentication));
    }

    /**
     * Ends the session at the issuer too (RP-initiated logout), which sends the browser
     * back to the shop; a caller without a session is sent to the shop at once.
     */
    private static OidcClientInitiatedServerLogoutSuccessHandler signOutAtTheIssuer(
            ReactiveClientRegistrationRepository registrations, SignInProperties signIn) {
        OidcClientInitiatedServerLogoutSuccessHandler handler = new OidcClientInitiatedServerLogoutSuccessHandler(
                registrations);
        handler.setPostLogoutRedirectUri(signIn.postLogoutRedirectUri());
        handler.setLogoutSuccessUrl(URI.create("/"));
        return handler;
    }

}
