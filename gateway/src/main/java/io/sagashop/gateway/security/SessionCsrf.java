package io.sagashop.gateway.security;

import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

import reactor.core.publisher.Mono;

/**
 * CSRF protection in the style of a single-page app, for the one credential a browser
 * sends by itself: the session cookie. The token travels in a cookie the shop's script
 * can read ({@code XSRF-TOKEN}, never HttpOnly) and comes back in the
 * {@code X-XSRF-TOKEN} header (or a form's {@code _csrf} field, for the sign-out form),
 * which another site cannot send. Spring Security 7 offers this as {@code csrf.spa()} for
 * servlets only; this is the reactive equivalent.
 *
 * <p>
 * A call with a Bearer token or without the session cookie carries no ambient credential,
 * so it needs no CSRF token: it is authenticated by what it sends, or refused with 401.
 */
final class SessionCsrf {

    static final String COOKIE = "XSRF-TOKEN";

    static final String HEADER = "X-XSRF-TOKEN";

    private static final String ACTUATOR = "/actuator/";

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    private SessionCsrf() {
    }

    /** The token's cookie, with the same flags as the session cookie. */
    static CookieServerCsrfTokenRepository tokens(boolean secure) {
        CookieServerCsrfTokenRepository tokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieName(COOKIE);
        tokens.setHeaderName(HEADER);
        tokens.setCookiePath("/");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").secure(secure));
        return tokens;
    }

    static ServerWebExchangeMatcher requiresToken(String sessionCookie) {
        return exchange -> isStateChanging(exchange) && !hasBearerToken(exchange)
                && exchange.getRequest().getCookies().containsKey(sessionCookie) ? MatchResult.match()
                        : MatchResult.notMatch();
    }

    /**
     * Hands a browser its token cookie: Spring Security creates the token only when
     * something asks for it, and a single-page app never renders a page that would. API
     * clients, probes and scrapers get none.
     */
    static WebFilter issuesTokenCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            if (token == null || hasBearerToken(exchange)
                    || exchange.getRequest().getPath().pathWithinApplication().value().startsWith(ACTUATOR)) {
                return chain.filter(exchange);
            }
            return token.then(chain.filter(exchange));
        };
    }

    private static boolean isStateChanging(ServerWebExchange exchange) {
        return !SAFE.contains(exchange.getRequest().getMethod());
    }

    static boolean hasBearerToken(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

}
