package io.sagashop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The browser's part of the authorization code flow with PKCE, step by step over HTTP:
 * the authorization request sends the browser to the sign-in page, the sign-in sends it
 * back to the request, and that redirects to the client's callback with the code.
 */
public final class AuthorizationCodeFlow {

    public static final String GATEWAY_CALLBACK = "https://shop.sagashop.test/login/oauth2/code/sagashop";

    public static final String CLI_CALLBACK = "http://127.0.0.1:8976/callback";

    private final Browser browser;

    public AuthorizationCodeFlow(Browser browser) {
        this.browser = browser;
    }

    public static String authorizationRequest(String clientId, String scope, String redirectUri, Pkce pkce,
            String state) {
        StringBuilder uri = new StringBuilder("/oauth2/authorize?response_type=code&client_id=").append(clientId)
            .append("&scope=")
            .append(URLEncoder.encode(scope, StandardCharsets.UTF_8).replace("+", "%20"))
            .append("&redirect_uri=")
            .append(URLEncoder.encode(redirectUri, StandardCharsets.UTF_8))
            .append("&state=")
            .append(state);
        if (pkce != null) {
            uri.append("&code_challenge=").append(pkce.challenge()).append("&code_challenge_method=S256");
        }
        return uri.toString();
    }

    /**
     * Runs the browser's part for a person and answers the code from the callback's
     * redirect, which is not followed.
     */
    public String authorizationCode(String clientId, String scope, String redirectUri, Pkce pkce, String email,
            String password) {
        String state = "state-" + System.nanoTime();
        HttpResponse<String> toSignIn = this.browser
            .get(authorizationRequest(clientId, scope, redirectUri, pkce, state));
        assertThat(toSignIn.statusCode()).as("authorization request before signing in").isEqualTo(302);
        assertThat(Browser.location(toSignIn)).endsWith("/login");

        HttpResponse<String> signedIn = this.browser.signIn(email, password);
        assertThat(signedIn.statusCode()).as("sign-in").isEqualTo(302);
        String backToRequest = Browser.location(signedIn);
        assertThat(backToRequest).contains("/oauth2/authorize?");

        HttpResponse<String> toCallback = this.browser.get(backToRequest);
        assertThat(toCallback.statusCode()).as("authorization request once signed in").isEqualTo(302);
        UriComponents callback = UriComponentsBuilder.fromUri(URI.create(Browser.location(toCallback))).build();
        assertThat(callback.toUriString()).startsWith(redirectUri + "?");
        assertThat(callback.getQueryParams().getFirst("state")).isEqualTo(state);
        String code = callback.getQueryParams().getFirst("code");
        assertThat(code).as("code in " + callback).isNotBlank();
        return code;
    }

}
