package io.sagashop.gateway.shop;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * Which requests are the shop's shell, the part a browser loads before anyone signs in:
 * its page (a history route of the single-page app, whose router then shows the view),
 * its hashed assets and the files at its root (the icon). Everything else of the gateway
 * is outside it: the API, the actuator, the API description and its UI, the sign-in and
 * sign-out endpoints.
 */
public final class ShopShell {

    /** Path prefixes that are never the shop's, whatever a browser accepts. */
    private static final List<String> NOT_THE_SHOP = List.of("/api", "/actuator", "/v3", "/swagger-ui", "/webjars",
            "/oauth2", "/login", "/logout");

    static final String INDEX = "/index.html";

    static final String ASSETS = "/assets/";

    private ShopShell() {
    }

    /**
     * A path the shop's router shows a view for: none of the gateway's own, and no file
     * name in its last segment (so a missing {@code /app.js} stays a 404 instead of the
     * page).
     */
    public static boolean isHistoryRoute(String path) {
        if (!path.startsWith("/") || path.startsWith("//") || path.contains("\\")) {
            return false;
        }
        for (String prefix : NOT_THE_SHOP) {
            if (path.equals(prefix) || path.startsWith(prefix + "/") || path.startsWith(prefix + ".")) {
                return false;
            }
        }
        return !path.substring(path.lastIndexOf('/') + 1).contains(".");
    }

    /** A navigation to the shop's page: answered with {@code index.html}. */
    static boolean isPage(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        return isRead(request)
                && (path.equals(INDEX) || (isHistoryRoute(path) && acceptsHtml(request) && !isAsset(path)));
    }

    /** The whole shell, which anyone may load: see the security chain. */
    public static ServerWebExchangeMatcher requests() {
        return exchange -> {
            ServerHttpRequest request = exchange.getRequest();
            String path = request.getPath().pathWithinApplication().value();
            boolean shell = isPage(request) || (isRead(request) && (isAsset(path) || isRootFile(path)));
            return shell ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }

    private static boolean isRead(ServerHttpRequest request) {
        return HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
    }

    private static boolean isAsset(String path) {
        return path.startsWith(ASSETS);
    }

    /** {@code /favicon.ico} and the like: one segment, a file name. */
    private static boolean isRootFile(String path) {
        return path.lastIndexOf('/') == 0 && path.indexOf('.') > 1 && !path.contains("..")
                && isHistoryRoute(path.substring(0, path.indexOf('.')));
    }

    private static boolean acceptsHtml(ServerHttpRequest request) {
        List<MediaType> accepted = request.getHeaders().getAccept();
        return accepted.isEmpty() || accepted.stream().anyMatch(MediaType.TEXT_HTML::isCompatibleWith);
    }

}
