package io.sagashop.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

/** Roles become authorities from whichever claim the issuer lists them in. */
class RolesClaimTest {

    @Test
    void readsTheRolesClaimOfTheShopsIssuer() {
        assertThat(names(new RolesClaim(new IdentityProperties("roles")), Map.of("roles", List.of("OPERATOR"))))
            .containsExactly("ROLE_OPERATOR");
    }

    @Test
    void followsADottedPathIntoAnObject() {
        Map<String, Object> keycloak = Map.of("realm_access", Map.of("roles", List.of("SHOPPER", "offline_access")));

        assertThat(names(new RolesClaim(new IdentityProperties("realm_access.roles")), keycloak))
            .containsExactly("ROLE_SHOPPER", "ROLE_offline_access");
    }

    @Test
    void takesAClaimWhoseNameHasADotWhole() {
        assertThat(names(new RolesClaim(new IdentityProperties("https://shop.example/roles")),
                Map.of("https://shop.example/roles", List.of("SHOPPER"))))
            .containsExactly("ROLE_SHOPPER");
    }

    @Test
    void aMissingOrOddClaimGivesNoRole() {
        RolesClaim roles = new RolesClaim(new IdentityProperties("realm_access.roles"));

        assertThat(names(roles, Map.of())).isEmpty();
        assertThat(names(roles, Map.of("realm_access", "SHOPPER"))).isEmpty();
        assertThat(names(roles, Map.of("realm_access", Map.of("roles", 42)))).isEmpty();
        assertThat(names(new RolesClaim(new IdentityProperties("roles")), Map.of("roles", "SHOPPER OPERATOR")))
            .containsExactly("ROLE_SHOPPER", "ROLE_OPERATOR");
    }

    private static List<String> names(RolesClaim roles, Map<String, Object> claims) {
        return roles.authorities(claims).stream().map(GrantedAuthority::getAuthority).toList();
    }

}
