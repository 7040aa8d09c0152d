package io.sagashop.gateway.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import io.sagashop.problem.ForbiddenException;
import io.sagashop.problem.UnauthorizedException;
import reactor.core.publisher.Mono;

/**
 * What Spring Security refuses, raised as the gateway's problems, so the problem adapter
 * answers them like every other error: 401 with an RFC 6750 challenge, 403.
 */
final class Refusals {

    static final String CSRF_DETAIL = "A state-changing call with the session cookie must send the XSRF-TOKEN "
            + "cookie's value in the X-XSRF-TOKEN header (or the _csrf form field)";

    private Refusals() {
    }

    static ServerAuthenticationEntryPoint unauthenticated() {
        return (exchange, ex) -> Mono.error(new UnauthorizedException(UnauthorizedException.DETAIL, challenge(ex)));
    }

    static ServerAccessDeniedHandler forbidden() {
        return (exchange, denied) -> Mono.error(new ForbiddenException());
    }

    static ServerAccessDeniedHandler csrfRefused() {
        return (ServerWebExchange exchange, AccessDeniedException denied) -> Mono
            .error(new ForbiddenException(CSRF_DETAIL));
    }

    /**
     * The browser came back from the issuer without a sign-in the gateway can accept (a
     * refused consent, an ID token of another issuer, a state that does not match).
     */
    static Mono<Void> signInFailed(WebFilterExchange exchange, AuthenticationException ex) {
        String reason = ex instanceof OAuth2AuthenticationException oauth2 ? describe(oauth2.getError())
                : ex.getMessage();
        return Mono.error(new UnauthorizedException("Sign-in failed: " + reason, "Bearer"));
    }

    /** As Spring's BearerTokenServerAuthenticationEntryPoint words it. */
    private static String challenge(AuthenticationException ex) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (ex instanceof OAuth2AuthenticationException oauth2) {
            OAuth2Error error = oauth2.getError();
            parameters.put("error", error.getErrorCode());
            if (error.getDescription() != null) {
                parameters.put("error_description", error.getDescription().replace("\"", "'"));
            }
            if (error.getUri() != null) {
                parameters.put("error_uri", error.getUri());
            }
            if (error instanceof BearerTokenError bearer && bearer.getScope() != null) {
                parameters.put("scope", bearer.getScope());
            }
        }
        if (parameters.isEmpty()) {
            return "Bearer";
        }
        return parameters.entrySet()
            .stream()
            .map(parameter -> parameter.getKey() + "=\"" + parameter.getValue() + "\"")
            .collect(Collectors.joining(", ", "Bearer ", ""));
    }

    private static String describe(OAuth2Error error) {
        return error.getDescription() == null ? error.getErrorCode()
                : "[" + error.getErrorCode() + "] " + error.getDescription();
    }

}
