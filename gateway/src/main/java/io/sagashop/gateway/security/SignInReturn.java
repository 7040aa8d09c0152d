package io.sagashop.gateway.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;

import io.sagashop.gateway.shop.ShopShell;
import reactor.core.publisher.Mono;

/**
 * Brings a browser back to the view it signed in from. The shop's views load without a
 * session, so nothing sends the browser to sign in on its way there; the shop's sign-in
 * link names the view instead
 * ({@code /oauth2/authorization/sagashop?returnTo=/orders/…}), and this filter remembers
 * it in the request cache, as if the browser had been sent from there. Only a view of the
 * shop on this origin is taken, so the link cannot send anyone elsewhere.
 */
final class SignInReturn implements WebFilter {

    static final String PARAMETER = "returnTo";

    private final ServerRequestCache requestCache;

    SignInReturn(ServerRequestCache requestCache) {
        this.requestCache = requestCache;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String returnTo = request.getQueryParams().getFirst(PARAMETER);
        if (!HttpMethod.GET.equals(request.getMethod())
                || !request.getPath().pathWithinApplication().value().equals(SignInConfiguration.SIGN_IN_PATH)
                || returnTo == null) {
            return chain.filter(exchange);
        }
        URI view = view(returnTo);
        if (view == null) {
            return chain.filter(exchange);
        }
        URI from = UriComponentsBuilder.fromUri(request.getURI())
            .replacePath(view.getRawPath())
            .replaceQuery(view.getRawQuery())
            .build(true)
            .toUri();
        // A navigation to the view, which is what the request cache keeps.
        ServerHttpRequest navigation = request.mutate()
            .uri(from)
            .headers(headers -> headers.setAccept(List.of(MediaType.TEXT_HTML)))
            .build();
        ServerWebExchange fromTheView = exchange.mutate().request(navigation).build();
        return requestCache.saveRequest(fromTheView).then(chain.filter(exchange));
    }

    /** A path (and query) of one of the shop's views, or null. */
    private static URI view(String returnTo) {
        try {
            URI uri = new URI(returnTo);
            boolean local = uri.getScheme() == null && uri.getRawAuthority() == null && uri.getRawFragment() == null
                    && uri.getRawPath() != null;
            return local && ShopShell.isHistoryRoute(uri.getPath()) ? uri : null;
        }
        catch (URISyntaxException notAUri) {
            return null;
        }
    }

}
