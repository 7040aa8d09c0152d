package io.sagashop.support.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * What a token allows: its scopes as {@code SCOPE_<scope>} (Spring's own reading of
 * {@code scope}/{@code scp}) and its roles as {@code ROLE_<role>}, read from the claim
 * the identity provider puts them in. That claim may be a dotted path into an object
 * ({@code realm_access.roles}, Keycloak's shape); a claim whose name itself contains dots
 * (a namespaced {@code https://example.com/roles}) is taken whole when present.
 */
class TokenAuthorities implements Converter<Jwt, Collection<GrantedAuthority>> {

    private static final String ROLE_PREFIX = "ROLE_";

    private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

    private final String rolesClaim;

    private final List<String> rolesPath;

    TokenAuthorities(String rolesClaim) {
        this.rolesClaim = rolesClaim;
        this.rolesPath = List.of(rolesClaim.split("\\."));
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
        for (String role : roles(jwt.getClaims())) {
            authorities.add(new SimpleGrantedAuthority(ROLE_PREFIX + role));
        }
        return authorities;
    }

    private List<String> roles(Map<String, Object> claims) {
        Object value = claims.containsKey(rolesClaim) ? claims.get(rolesClaim) : atPath(claims);
        if (value instanceof String names) {
            // Space-separated, as Spring reads a scope claim given as one string.
            return words(names);
        }
        if (value instanceof Collection<?> names) {
            return names.stream()
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .filter(name -> !name.isBlank())
                .toList();
        }
        return List.of();
    }

    private @Nullable Object atPath(Map<String, Object> claims) {
        Object value = claims;
        for (String name : rolesPath) {
            if (!(value instanceof Map<?, ?> object)) {
                return null;
            }
            value = object.get(name);
        }
        return value;
    }

    private static List<String> words(String names) {
        return Arrays.stream(names.split("\\s+")).filter(name -> !name.isEmpty()).toList();
    }

}
