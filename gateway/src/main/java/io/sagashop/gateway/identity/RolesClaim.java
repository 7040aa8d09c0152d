package io.sagashop.gateway.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Reads a person's roles from the configured claim of a token, whichever token carries
 * them (an access token sent as Bearer, the ID token of a session), so both kinds of
 * caller get the same {@code ROLE_} authorities.
 */
public final class RolesClaim {

    private static final String PREFIX = "ROLE_";

    private final String claim;

    private final String[] path;

    public RolesClaim(IdentityProperties properties) {
        this.claim = properties.rolesClaim();
        this.path = claim.split("\\.");
    }

    /**
     * The roles as authorities; none when the claim is missing or holds neither a list
     * nor a string.
     */
    public Set<GrantedAuthority> authorities(Map<String, Object> claims) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        for (Object role : roles(claims)) {
            if (role instanceof String name && !name.isBlank()) {
                authorities.add(new SimpleGrantedAuthority(PREFIX + name.strip()));
            }
        }
        return authorities;
    }

    /** The role names of authorities, without their prefix. */
    static List<String> names(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream()
            .map(GrantedAuthority::getAuthority)
            .filter(authority -> authority != null && authority.startsWith(PREFIX))
            .map(authority -> authority.substring(PREFIX.length()))
            .sorted()
            .toList();
    }

    private Collection<?> roles(Map<String, Object> claims) {
        // A claim whose name holds a dot (a URL, say) is taken whole before it is taken
        // as a path.
        Object value = claims.containsKey(claim) ? claims.get(claim) : walk(claims);
        if (value instanceof Collection<?> list) {
            return list;
        }
        return value instanceof String single ? List.of(single.split("[\\s,]+")) : List.of();
    }

    private Object walk(Map<String, Object> claims) {
        Object value = claims;
        for (String segment : path) {
            if (!(value instanceof Map<?, ?> object)) {
                return null;
            }
            value = object.get(segment);
        }
        return value;
    }

}
