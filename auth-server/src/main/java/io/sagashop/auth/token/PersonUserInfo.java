package io.sagashop.auth.token;

import java.security.Principal;
import java.util.function.Function;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.stereotype.Component;

import io.sagashop.auth.account.AccountRepository;

/**
 * The userinfo endpoint's answer: the same claims as the person's ID token (subject,
 * roles, name, email), so a client that merges userinfo into the ID token sees one
 * person.
 */
@Component
public class PersonUserInfo implements Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

    private final AccountRepository accounts;

    PersonUserInfo(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public OidcUserInfo apply(OidcUserInfoAuthenticationContext context) {
        Authentication person = context.getAuthorization().getAttribute(Principal.class.getName());
        return this.accounts.findByEmail(person.getName())
            .map(account -> new OidcUserInfo(PersonClaims.of(account)))
            .orElseThrow(() -> new OAuth2AuthenticationException(
                    new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The account no longer exists", null)));
    }

}
