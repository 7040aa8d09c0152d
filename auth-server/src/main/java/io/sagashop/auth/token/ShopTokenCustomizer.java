package io.sagashop.auth.token;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

import io.sagashop.auth.account.Account;
import io.sagashop.auth.account.AccountRepository;

/**
 * Gives the JWTs the claims of the identity contract. An access token's {@code aud} is
 * the applications configured for its client (an ID token keeps the client's id, as OIDC
 * requires). A person's access and ID tokens name them by their account's subject, a
 * UUID, and carry their roles, name and email; a client's own token (client credentials)
 * keeps the client id as subject and has no roles.
 */
@Component
class ShopTokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    private final AudienceProperties audiences;

    private final AccountRepository accounts;

    ShopTokenCustomizer(AudienceProperties audiences, AccountRepository accounts,
            OAuth2AuthorizationServerProperties server) {
        this.audiences = audiences;
        this.accounts = accounts;
        requireAnAudiencePerClient(server);
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        if (accessToken) {
            // A copy of a type Spring Security's Jackson allow-list reads back from the
            // stored authorization.
            context.getClaims()
                .audience(new ArrayList<>(this.audiences.of(context.getRegisteredClient().getClientId())));
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            return;
        }
        if (accessToken || ID_TOKEN.equals(context.getTokenType())) {
            Account person = signedIn(context.getPrincipal());
            context.getClaims().claims(claims -> claims.putAll(PersonClaims.of(person)));
        }
    }

    /**
     * Looks the account up again on every token, so a refresh reflects a changed name or
     * role and a removed account gets no new token.
     */
    private Account signedIn(Authentication principal) {
        return this.accounts.findByEmail(principal.getName())
            .orElseThrow(() -> new OAuth2AuthenticationException(
                    new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "The account no longer exists", null)));
    }

    /**
     * A client without configured audiences would get tokens no application accepts: say
     * so at start rather than on the first sign-in.
     */
    private void requireAnAudiencePerClient(OAuth2AuthorizationServerProperties server) {
        List<String> missing = server.getClient()
            .values()
            .stream()
            .map(client -> client.getRegistration().getClientId())
            .filter(clientId -> this.audiences.of(clientId).isEmpty())
            .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No access-token audiences configured for the client(s) " + missing
                    + ": set sagashop.auth.audiences.<client-id> to the applications that accept their tokens");
        }
    }

}
