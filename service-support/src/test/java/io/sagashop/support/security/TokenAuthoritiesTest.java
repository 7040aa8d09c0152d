package io.sagashop.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenAuthoritiesTest {

    @Test
    void scopesAndTheShopsTopLevelRoles() {
        Jwt token = token(Map.of("scope", "openid shop", "roles", List.of("SHOPPER")));

        assertThat(authorities("roles", token)).containsExactly("SCOPE_openid", "SCOPE_shop", "ROLE_SHOPPER");
    }

    @Test
    void rolesAtADottedPath() {
        Jwt token = token(Map.of("scope", "shop", "realm_access", Map.of("roles", List.of("OPERATOR"))));

        assertThat(authorities("realm_access.roles", token)).containsExactly("SCOPE_shop", "ROLE_OPERATOR");
    }

    @Test
    void aClaimNamedWithDotsIsTakenWhole() {
        Jwt token = token(Map.of("https://sagashop.example/roles", List.of("OPERATOR")));

        assertThat(authorities("https://sagashop.example/roles", token)).containsExactly("ROLE_OPERATOR");
    }

    @Test
    void rolesGivenAsOneStringAreSpaceSeparated() {
        Jwt token = token(Map.of("roles", "SHOPPER  OPERATOR"));

        assertThat(authorities("roles", token)).containsExactly("ROLE_SHOPPER", "ROLE_OPERATOR");
    }

    @Test
    void aMissingOrMisshapedClaimGrantsNoRole() {
        assertThat(authorities("roles", token(Map.of("scope", "saga")))).containsExactly("SCOPE_saga");
        assertThat(authorities("realm_access.roles", token(Map.of("realm_access", "OPERATOR")))).isEmpty();
        assertThat(authorities("roles", token(Map.of("roles", List.of(42, " ", "OPERATOR")))))
            .containsExactly("ROLE_OPERATOR");
    }

    private static List<String> authorities(String rolesClaim, Jwt token) {
        Collection<GrantedAuthority> authorities = new TokenAuthorities(rolesClaim).convert(token);
        return authorities.stream().map(GrantedAuthority::getAuthority).toList();
    }

    private static Jwt token(Map<String, Object> claims) {
        return Jwt.withTokenValue("token")
            .header("alg", "RS256")
            .subject("someone")
            .claims(all -> all.putAll(claims))
            .build();
    }

}
