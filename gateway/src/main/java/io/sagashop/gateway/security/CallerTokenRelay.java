package io.sagashop.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.AbstractOAuth2Token;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.server.ServerWebExchange;

import io.sagashop.problem.UnauthorizedException;
import reactor.core.publisher.Mono;

/**
 * Sends the services the caller's own access token, and nothing else that says who calls:
 * the Bearer token an API client sent, exactly as it sent it, or for a browser's session
 * the access token the gateway holds for it, refreshed through the authorized client
 * manager when it has expired. One way for the routes ({@link #onto(ServerWebExchange)})
 * and the gateway's own calls ({@link #toServices()}).
 *
 * <p>
 * Spring Cloud Gateway's {@code TokenRelay} covers sessions only and passes whatever
 * {@code Authorization} header came in otherwise; this replaces the header in both cases
 * with the token that was checked.
 */
@Component
public class CallerTokenRelay {

    static final String SIGN_IN_AGAIN = "The session's sign-in has expired; sign in again";

    private final ReactiveOAuth2AuthorizedClientManager authorizedClients;

    CallerTokenRelay(ReactiveOAuth2AuthorizedClientManager authorizedClients) {
        this.authorizedClients = authorizedClients;
    }

    /**
     * The exchange, its request carrying the caller's token for the service behind a
     * route.
     */
    Mono<ServerWebExchange> onto(ServerWebExchange exchange) {
        return exchange.getPrincipal()
            .cast(Authentication.class)
            .switchIfEmpty(Mono.error(() -> new UnauthorizedException(UnauthorizedException.DETAIL, "Bearer")))
            .flatMap(caller -> accessToken(caller, exchange))
            .map(token -> exchange.mutate()
                .request(request -> request.headers(headers -> headers.setBearerAuth(token)))
                .build());
    }

    /**
     * For a {@code WebClient} the gateway calls a service with while it answers a
     * request: the caller is the request's.
     */
    public ExchangeFilterFunction toServices() {
        return (request, next) -> Mono.deferContextual(context -> {
            ServerWebExchange exchange = context.getOrDefault(ServerWebExchange.class, null);
            return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "No caller to relay a token for: " + request.method() + " " + request.url())))
                .flatMap(caller -> accessToken(caller, exchange));
        })
            .map(token -> ClientRequest.from(request)
                .headers(headers -> headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .build())
            .flatMap(next::exchange);
    }

    private Mono<String> accessToken(Authentication caller, ServerWebExchange exchange) {
        if (caller instanceof AbstractOAuth2TokenAuthenticationToken<?> bearer) {
            return Mono.just(bearer.getToken().getTokenValue());
        }
        if (caller instanceof OAuth2AuthenticationToken session) {
            OAuth2AuthorizeRequest.Builder request = OAuth2AuthorizeRequest
                .withClientRegistrationId(session.getAuthorizedClientRegistrationId())
                .principal(session);
            if (exchange != null) {
                request.attribute(ServerWebExchange.class.getName(), exchange);
            }
            // Expired and not refreshable (the refresh token expired or was revoked): the
            // manager has forgotten the client, and only a new sign-in gets a token.
            return authorizedClients.authorize(request.build())
                .map(OAuth2AuthorizedClient::getAccessToken)
                .map(AbstractOAuth2Token::getTokenValue)
                .onErrorMap(OAuth2AuthorizationException.class,
                        ex -> new UnauthorizedException(SIGN_IN_AGAIN, "Bearer"))
                .switchIfEmpty(Mono.error(() -> new UnauthorizedException(SIGN_IN_AGAIN, "Bearer")));
        }
        return Mono.error(new IllegalStateException("No access token to relay for a " + caller.getClass().getName()));
    }

}
