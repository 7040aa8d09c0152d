package io.sagashop.systemtests.shop;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens as an API client gets them, the way {@code scripts/shop-token.sh} does:
 * the authorization code flow with PKCE for the public client {@code shop-cli}, signed in
 * with a demo account's email and password. Kept per account until shortly before they
 * expire.
 */
public final class ShopTokens {

    public static final String CLIENT_ID = "shop-cli";

    /**
     * Registered for shop-cli; nothing listens there, the code is read from the redirect.
     */
    public static final URI REDIRECT_URI = URI.create("http://127.0.0.1:8976/callback");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI issuer;

    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant renewAt) {
    }

    public ShopTokens(URI issuer) {
        this.issuer = issuer;
    }

    /** A valid access token of this account. */
    public String accessToken(String email, String password) {
        Token token = tokens.get(email);
        if (token == null || Instant.now().isAfter(token.renewAt())) {
            token = fetch(email, password);
            tokens.put(email, token);
        }
        return token.value();
    }

    /**
     * A valid access token of a confidential client by client credentials, as the worker
     * gets its own.
     */
    public String clientToken(String clientId, String clientSecret, String scope) {
        String key = "client:" + clientId;
        Token token = tokens.get(key);
        if (token == null || Instant.now().isAfter(token.renewAt())) {
            token = fetchClientToken(clientId, clientSecret, scope);
            tokens.put(key, token);
        }
        return token.value();
    }

    private Token fetchClientToken(String clientId, String clientSecret, String scope) {
        String credentials = Base64.getEncoder()
            .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = new SignInFlow().send(HttpRequest.newBuilder(issuer.resolve("/oauth2/token"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Basic " + credentials)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers
                .ofString(SignInFlow.formEncoded(Map.of("grant_type", "client_credentials", "scope", scope)))));
        return tokenOf(response);
    }

    private Token fetch(String email, String password) {
        String verifier = randomText(48);
        Map<String, String> authorize = new LinkedHashMap<>();
        authorize.put("response_type", "code");
        authorize.put("client_id", CLIENT_ID);
        authorize.put("redirect_uri", REDIRECT_URI.toString());
        authorize.put("scope", "openid shop");
        authorize.put("state", randomText(16));
        authorize.put("code_challenge", challengeOf(verifier));
        authorize.put("code_challenge_method", "S256");
        SignInFlow flow = new SignInFlow();
        SignInFlow.Outcome outcome = flow.follow(
                issuer.resolve("/oauth2/authorize?" + SignInFlow.formEncoded(authorize)), email, password,
                uri -> uri.toString().startsWith(REDIRECT_URI.toString()));
        if (!outcome.stoppedAtTarget()) {
            throw new AssertionError("No authorization code for " + email + "; the sign-in ended at "
                    + outcome.lastResponse().uri() + " with " + outcome.lastResponse().statusCode());
        }
        String code = SignInFlow.queryOf(outcome.stoppedAt()).get("code");
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("code", code);
        exchange.put("redirect_uri", REDIRECT_URI.toString());
        exchange.put("client_id", CLIENT_ID);
        exchange.put("code_verifier", verifier);
        HttpResponse<String> response = flow.send(HttpRequest.newBuilder(issuer.resolve("/oauth2/token"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(SignInFlow.formEncoded(exchange))));
        return tokenOf(response);
    }

    private static Token tokenOf(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("The token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        long lifetime = body.path("expires_in").asLong(300);
        return new Token(body.path("access_token").asString(), Instant.now().plusSeconds(Math.max(0, lifetime - 60)));
    }

    private static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String randomText(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

}
