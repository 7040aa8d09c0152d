package io.sagashop.testsupport.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OAuth 2 issuer inside the test JVM, shaped like the shop's auth-server: an RSA key
 * whose public half is served as a JWK set on 127.0.0.1, tokens with the claims the
 * auth-server issues (subject, audiences, scopes, roles), the broken tokens an attacker
 * would try, a client-credentials token endpoint for the worker, and the authorization
 * code flow (with PKCE and refresh tokens) of the gateway's sign-in, whose sign-in page
 * is {@link #signIn(Person)}. Tests sign with it instead of starting the auth-server;
 * {@link #shared()} is the issuer the test contexts trust ({@link SignedByTestIssuer}),
 * {@link #start()} a second, unrelated one.
 */
public final class TestIssuer implements AutoCloseable {

    public static final String WORKER_CLIENT = "order-workflow-worker";

    /** The audiences of the worker's tokens: the five services. */
    public static final List<String> SERVICES = List.of("customer-service", "inventory-service", "order-service",
            "payment-service", "notification-service");

    /** The audiences of a signed-in person's tokens: the gateway and the services. */
    public static final List<String> PERSON_AUDIENCES = List.of("gateway", "customer-service", "inventory-service",
            "order-service", "payment-service", "notification-service");

    public static final UUID OPERATOR_SUBJECT = UUID.fromString("0e000000-0000-4000-8000-000000000001");

    /**
     * The confidential client that signs people in (the gateway), as the auth-server
     * registers it.
     */
    public static final String GATEWAY_CLIENT = "gateway";

    /** The secret {@link #GATEWAY_CLIENT} authenticates with at the token endpoint. */
    public static final String GATEWAY_CLIENT_SECRET = "test-gateway-client-secret";

    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private static TestIssuer shared;

    private final HttpServer server;

    private final String issuerUri;

    private final RSAKey key;

    /** Same key id as {@link #key}, other key material: its signatures do not verify. */
    private final RSAKey impostorKey;

    private final AtomicInteger tokenRequests = new AtomicInteger();

    /** Authorization codes not yet redeemed, one use each. */
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();

    private final Map<UUID, List<String>> accessTokensIssued = new ConcurrentHashMap<>();

    private TestIssuer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            String keyId = UUID.randomUUID().toString();
            key = new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).generate();
            impostorKey = new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).generate();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        issuerUri = "http://127.0.0.1:" + server.getAddress().getPort();
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/oauth2/jwks", exchange -> respond(exchange, 200, jwks));
        server.createContext("/oauth2/token", this::issueToken);
        server.start();
    }

    /** The issuer every {@link SignedByTestIssuer} context trusts, one per test JVM. */
    public static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = new TestIssuer();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-issuer-stop"));
        }
        return shared;
    }

    /** Another issuer with its own key and address; close it after the test. */
    public static TestIssuer start() {
        return new TestIssuer();
    }

    public String issuerUri() {
        return issuerUri;
    }

    public String jwkSetUri() {
        return issuerUri + "/oauth2/jwks";
    }

    public String tokenUri() {
        return issuerUri + "/oauth2/token";
    }

    /** Where a client sends a browser to sign in; answered by {@link #signIn(Person)}. */
    public String authorizationUri() {
        return issuerUri + "/oauth2/authorize";
    }

    /**
     * Where a client sends a browser to sign out (OpenID Connect RP-initiated logout).
     */
    public String endSessionUri() {
        return issuerUri + "/connect/logout";
    }

    /** How many tokens the client-credentials endpoint has handed out. */
    public int tokenRequests() {
        return tokenRequests.get();
    }

    /**
     * The resource-server settings (Spring Boot's standard properties) that make an
     * application trust this issuer: the configuration switch a team makes to plug in its
     * own identity provider.
     */
    public Map<String, String> resourceServerProperties() {
        return Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuerUri,
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwkSetUri());
    }

    /** A token to shape claim by claim. */
    public Token token() {
        return new Token();
    }

    /** The worker's own token: client credentials, scope saga, the five services. */
    public String worker() {
        return workerToken().signed();
    }

    /** The worker's token, to change before signing (for example its lifetime). */
    public Token workerToken() {
        return token().subject(WORKER_CLIENT).audiences(SERVICES).scopes("saga");
    }

    /** A shopper's delegated token, as the gateway relays it. */
    public String shopper(UUID customerId) {
        return shopperToken(customerId).signed();
    }

    /** A shopper's token, to change before signing. */
    public Token shopperToken(UUID customerId) {
        return accessToken(Person.shopper(customerId));
    }

    /** The demo operator's delegated token. */
    public String operator() {
        return operatorToken().signed();
    }

    /** The demo operator's token, to change before signing. */
    public Token operatorToken() {
        return accessToken(Person.operator());
    }

    /**
     * A person's delegated access token, as the auth-server issues it to the gateway: to
     * change before signing.
     */
    public Token accessToken(Person person) {
        return token().subject(person.subject().toString())
            .audiences(PERSON_AUDIENCES)
            .scopes("openid", "profile", "shop")
            .roles(person.role())
            .claim("name", person.name())
            .claim("email", person.email());
    }

    /**
     * The sign-in page, for a person about to enter their password: it answers the
     * authorization requests a client sends the browser to.
     */
    public SignIn signIn(Person person) {
        return new SignIn(person);
    }

    /**
     * The access tokens the token endpoint handed out for a person, by code or refresh
     * token, oldest first.
     */
    public List<String> accessTokensIssuedTo(UUID subject) {
        return List.copyOf(accessTokensIssued.getOrDefault(subject, List.of()));
    }

    /** {@code Authorization} header value for a token. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void issueToken(HttpExchange exchange) throws IOException {
        Map<String, String> form = formOf(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String grantType = "POST".equals(exchange.getRequestMethod()) ? form.getOrDefault("grant_type", "") : "";
        switch (grantType) {
            case "client_credentials" -> issueClientCredentialsToken(exchange);
            case "authorization_code" -> redeemCode(exchange, form);
            case "refresh_token" -> refresh(exchange, form);
            default -> error(exchange, 400, "unsupported_grant_type");
        }
    }

    private void issueClientCredentialsToken(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        String body = "{\"access_token\":\"" + worker() + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + LIFETIME.toSeconds() + ",\"scope\":\"saga\"}";
        respond(exchange, 200, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * As the auth-server redeems a code of its confidential client: authenticated with
     * client_secret_basic, once, for the redirect URI it was issued to, with the verifier
     * of the request's PKCE challenge.
     */
    private void redeemCode(HttpExchange exchange, Map<String, String> form) throws IOException {
        if (!authenticatesTheGateway(exchange)) {
            error(exchange, 401, "invalid_client");
            return;
        }
        Grant grant = codes.remove(form.getOrDefault("code", ""));
        if (grant == null || !grant.redirectUri().equals(form.get("redirect_uri"))
                || !grant.codeChallenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
            error(exchange, 400, "invalid_grant");
            return;
        }
        String refreshToken = UUID.randomUUID().toString();
        refreshTokens.put(refreshToken, grant);
        String idToken = token().issuer(grant.idTokenIssuer())
            .subject(grant.person().subject().toString())
            .audiences(grant.clientId())
            .roles(grant.person().role())
            .claim("azp", grant.clientId())
            .claim("nonce", grant.nonce())
            .claim("name", grant.person().name())
            .claim("email", grant.person().email())
            .signed();
        respondWithTokens(exchange, grant, grant.accessTokenLifetime(), refreshToken,
                ",\"id_token\":\"" + idToken + "\"");
    }

    private void refresh(HttpExchange exchange, Map<String, String> form) throws IOException {
        if (!authenticatesTheGateway(exchange)) {
            error(exchange, 401, "invalid_client");
            return;
        }
        String refreshToken = form.getOrDefault("refresh_token", "");
        Grant grant = refreshTokens.get(refreshToken);
        if (grant == null) {
            error(exchange, 400, "invalid_grant");
            return;
        }
        respondWithTokens(exchange, grant, LIFETIME, refreshToken, "");
    }

    private void respondWithTokens(HttpExchange exchange, Grant grant, Duration lifetime, String refreshToken,
            String more) throws IOException {
        String accessToken = accessToken(grant.person()).lifetime(lifetime).signed();
        accessTokensIssued.computeIfAbsent(grant.person().subject(), subject -> new CopyOnWriteArrayList<>())
            .add(accessToken);
        String body = "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + lifetime.toSeconds() + ",\"scope\":\"" + grant.scope() + "\",\"refresh_token\":\"" + refreshToken
                + "\"" + more + "}";
        respond(exchange, 200, body.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean authenticatesTheGateway(HttpExchange exchange) {
        String expected = Base64.getEncoder()
            .encodeToString((GATEWAY_CLIENT + ":" + GATEWAY_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        return ("Basic " + expected).equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private static void error(HttpExchange exchange, int status, String error) throws IOException {
        respond(exchange, status, ("{\"error\":\"" + error + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> formOf(String encoded) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every JDK provides SHA-256", ex);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * Someone who signs in, shaped like the auth-server's demo accounts.
     *
     * @param role {@code SHOPPER} or {@code OPERATOR}
     */
    public record Person(UUID subject, String name, String email, String role) {

        /** A shopper whose subject is their customer id. */
        public static Person shopper(UUID customerId) {
            String shortId = customerId.toString().substring(0, 8);
            return new Person(customerId, "Shopper " + shortId, "shopper-" + shortId + "@example.com", "SHOPPER");
        }

        /** The demo operator. */
        public static Person operator() {
            return new Person(OPERATOR_SUBJECT, "Olivia Operator", "operator@example.com", "OPERATOR");
        }

    }

    /**
     * What an authorization code stands for until it is redeemed, then its refresh token.
     */
    private record Grant(Person person, String clientId, String redirectUri, String scope, String nonce,
            String codeChallenge, Duration accessTokenLifetime, String idTokenIssuer) {
    }

    /**
     * A person on the sign-in page. Like the auth-server, it requires a PKCE challenge
     * (S256) of every authorization request.
     */
    public final class SignIn {

        private final Person person;

        private Duration accessTokenLifetime = LIFETIME;

        private String idTokenIssuer = issuerUri;

        private SignIn(Person person) {
            this.person = person;
        }

        /**
         * The lifetime of the access token the code is redeemed for; tokens refreshed
         * later get the usual five minutes.
         */
        public SignIn accessTokenLifetime(Duration lifetime) {
            this.accessTokenLifetime = lifetime;
            return this;
        }

        /** An ID token claiming another issuer, which a client must refuse. */
        public SignIn idTokenIssuer(String issuer) {
            this.idTokenIssuer = issuer;
            return this;
        }

        /**
         * Answers an authorization request (the URL the client redirected the browser to)
         * as the sign-in page does once the password is right: with where it redirects
         * the browser, the client's redirect URI with a one-time code and the request's
         * state, or with an {@code error} there when the request lacks a PKCE challenge.
         * @throws IllegalArgumentException if the request is not for this issuer's
         * authorization endpoint or not a code request of {@link #GATEWAY_CLIENT}
         */
        public URI authorize(URI authorizationRequest) {
            String request = authorizationRequest.toString();
            if (!request.startsWith(authorizationUri() + "?")) {
                throw new IllegalArgumentException("Not an authorization request to " + authorizationUri());
            }
            Map<String, String> query = formOf(authorizationRequest.getRawQuery());
            if (!"code".equals(query.get("response_type")) || !GATEWAY_CLIENT.equals(query.get("client_id"))
                    || query.get("redirect_uri") == null) {
                throw new IllegalArgumentException("Not a code request of client " + GATEWAY_CLIENT + ": " + query);
            }
            String redirectUri = query.get("redirect_uri");
            String state = query.get("state") == null ? "" : "&state=" + encode(query.get("state"));
            if (query.get("code_challenge") == null || !"S256".equals(query.get("code_challenge_method"))) {
                return URI.create(redirectUri + "?error=invalid_request&error_description="
                        + encode("PKCE (code_challenge, S256) is required") + state);
            }
            String code = UUID.randomUUID().toString();
            codes.put(code, new Grant(person, GATEWAY_CLIENT, redirectUri, query.getOrDefault("scope", ""),
                    query.get("nonce"), query.get("code_challenge"), accessTokenLifetime, idTokenIssuer));
            return URI.create(redirectUri + "?code=" + code + state);
        }

    }

    /** The claims of one token, then how to sign it (or not). */
    public final class Token {

        private String issuer = issuerUri;

        private String subject = "test-subject";

        private List<String> audiences = List.of();

        private final List<String> scopes = new ArrayList<>();

        private final List<String> roles = new ArrayList<>();

        private final Map<String, Object> claims = new LinkedHashMap<>();

        private Instant issuedAt = Instant.now();

        private Instant expiresAt = issuedAt.plus(LIFETIME);

        private Token() {
        }

        public Token issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Token subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Token audiences(String... audiences) {
            return audiences(List.of(audiences));
        }

        public Token audiences(List<String> audiences) {
            this.audiences = List.copyOf(audiences);
            return this;
        }

        public Token scopes(String... scopes) {
            this.scopes.addAll(List.of(scopes));
            return this;
        }

        public Token roles(String... roles) {
            this.roles.addAll(List.of(roles));
            return this;
        }

        public Token claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        /** Valid for this long from now. */
        public Token lifetime(Duration lifetime) {
            issuedAt = Instant.now();
            expiresAt = issuedAt.plus(lifetime);
            return this;
        }

        /**
         * Expired this long ago: beyond the minute of clock skew resource servers allow.
         */
        public Token expiredAgo(Duration ago) {
            expiresAt = Instant.now().minus(ago);
            issuedAt = expiresAt.minus(LIFETIME);
            return this;
        }

        /** Signed RS256 with this issuer's key: a valid token, if the claims are. */
        public String signed() {
            return sign(key);
        }

        /** Claims to be from this issuer's key, signed with another key. */
        public String signedWithImpostorKey() {
            return sign(impostorKey);
        }

        /** An unsecured JWT ({@code alg: none}): no signature at all. */
        public String unsigned() {
            return new PlainJWT(claims()).serialize();
        }

        private String sign(RSAKey signingKey) {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(), claims());
            try {
                jwt.sign(new RSASSASigner(signingKey));
            }
            catch (JOSEException ex) {
                throw new IllegalStateException(ex);
            }
            return jwt.serialize();
        }

        private JWTClaimsSet claims() {
            JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer)
                .subject(subject)
                .audience(audiences)
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString());
            if (!scopes.isEmpty()) {
                builder.claim("scope", String.join(" ", scopes));
            }
            if (!roles.isEmpty()) {
                builder.claim("roles", List.copyOf(roles));
            }
            claims.forEach(builder::claim);
            return builder.build();
        }

    }

}
