package io.sagashop.gateway.identity;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * Whoever is calling, as their token tells: an API client's access token, or the ID token
 * of a browser's session. A handler method declares a parameter of this type to get any
 * authenticated caller; {@code GET /api/me} answers it.
 *
 * @param subject the token's {@code sub}: a person's account (a shopper's customer id),
 * or a client's id
 * @param name the display name, null when the token has none
 * @param email null when the token has none
 * @param roles {@code SHOPPER}, {@code OPERATOR}; empty for a client
 */
public record Caller(String subject, @Nullable String name, @Nullable String email, List<String> roles) {

    static Caller of(Authentication authentication) {
        Map<String, Object> claims = claimsOf(authentication);
        return new Caller(authentication.getName(), text(claims.get("name")), text(claims.get("email")),
                RolesClaim.names(authentication.getAuthorities()));
    }

    boolean hasRole(String role) {
        return roles.contains(role);
    }

    private static Map<String, Object> claimsOf(Authentication authentication) {
        if (authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> bearer) {
            return bearer.getTokenAttributes();
        }
        if (authentication.getPrincipal() instanceof OAuth2AuthenticatedPrincipal signedIn) {
            return signedIn.getAttributes();
        }
        return Map.of();
    }

    private static String text(Object claim) {
        return claim instanceof String value && !value.isBlank() ? value : null;
    }

}
