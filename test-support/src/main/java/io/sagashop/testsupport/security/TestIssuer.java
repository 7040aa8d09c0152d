package io.sagashop.testsupport.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * would try, and a client-credentials token endpoint for the worker. Tests sign with it
 * instead of starting the auth-server; {@link #shared()} is the issuer the test contexts
 * trust ({@link SignedByTestIssuer}), {@link #start()} a second, unrelated one.
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

    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private static TestIssuer shared;

    private final HttpServer server;

    private final String issuerUri;

    private final RSAKey key;

    /** Same key id as {@link #key}, other key material: its signatures do not verify. */
    private final RSAKey impostorKey;

    private final AtomicInteger tokenRequests = new AtomicInteger();

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
        server.createContext("/oauth2/token", this::issueClientCredentialsToken);
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
        return token().subject(customerId.toString())
            .audiences(PERSON_AUDIENCES)
            .scopes("openid", "profile", "shop")
            .roles("SHOPPER")
            .claim("name", "Shopper " + customerId.toString().substring(0, 8));
    }

    /** The demo operator's delegated token. */
    public String operator() {
        return operatorToken().signed();
    }

    /** The demo operator's token, to change before signing. */
    public Token operatorToken() {
        return token().subject(OPERATOR_SUBJECT.toString())
            .audiences(PERSON_AUDIENCES)
            .scopes("openid", "profile", "shop")
            .roles("OPERATOR")
            .claim("name", "Olivia Operator");
    }

    /** {@code Authorization} header value for a token. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void issueClientCredentialsToken(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!"POST".equals(exchange.getRequestMethod()) || !form.contains("grant_type=client_credentials")) {
            respond(exchange, 400, "{\"error\":\"unsupported_grant_type\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        tokenRequests.incrementAndGet();
        String body = "{\"access_token\":\"" + worker() + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + LIFETIME.toSeconds() + ",\"scope\":\"saga\"}";
        respond(exchange, 200, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
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
