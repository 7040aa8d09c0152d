package io.sagashop.auth.token;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sagashop.auth.account.Account;

/**
 * What every token of a person says about them, the same in access tokens, ID tokens and
 * at the userinfo endpoint.
 */
final class PersonClaims {

    static final String ROLES = "roles";

    static final String NAME = "name";

    static final String EMAIL = "email";

    static final String SUBJECT = "sub";

    private PersonClaims() {
    }

    static Map<String, Object> of(Account account) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(SUBJECT, account.subject().toString());
        // A list type that Spring Security's Jackson allow-list reads back: the claims
        // are stored with the
        // authorization and read again on a refresh or a userinfo call.
        claims.put(ROLES, new ArrayList<>(List.of(account.role().name())));
        claims.put(NAME, account.displayName());
        claims.put(EMAIL, account.email());
        return claims;
    }

}
