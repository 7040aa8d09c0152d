package io.sagashop.testsupport.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The fixture's tokens verify, or fail to, against its published key set; its sign-in
 * hands out codes as the auth-server does.
 */
class TestIssuerTest {

    private final TestIssuer issuer = TestIssuer.shared();

    @Test
    void signedTokensVerifyAgainstThePublishedKeySetWithTheAuthServersClaims() {
        Jwt jwt = decoder(issuer).decode(issuer.operator());

        assertThat(jwt.getIssuer()).hasToString(issuer.issuerUri());
        assertThat(jwt.getSubject()).isEqualTo(TestIssuer.OPERATOR_SUBJECT.toString());
        assertThat(jwt.getAudience()).containsExactlyElementsOf(TestIssuer.PERSON_AUDIENCES);
        assertThat(jwt.getClaimAsString("scope")).isEqualTo("openid profile shop");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("OPERATOR");
    }

    @Test
    void brokenTokensDoNotVerify() {
        JwtDecoder decoder = decoder(issuer);

        assertThatThrownBy(() -> decoder.decode(issuer.workerToken().signedWithImpostorKey()))
            .isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(issuer.workerToken().unsigned())).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(issuer.workerToken().expiredAgo(Duration.ofMinutes(5)).signed()))
            .isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(issuer.workerToken().issuer("http://elsewhere").signed()))
            .isInstanceOf(BadJwtException.class);
    }

    @Test
    void anotherIssuersTokensDoNotVerifyHere() {
        try (TestIssuer other = TestIssuer.start()) {
            assertThatThrownBy(() -> decoder(issuer).decode(other.worker())).isInstanceOf(BadJwtException.class);
            assertThat(decoder(other).decode(other.worker()).getClaimAsString("scope")).isEqualTo("saga");
        }
    }

    @Test
    void aSignInIsRedeemedOnceByTheGatewayWithItsVerifierThenRefreshed() throws Exception {
        TestIssuer.Person ada = TestIssuer.Person.shopper(UUID.randomUUID());
        String verifier = "a-verifier-of-at-least-43-characters-0123456789";
        URI callback = issuer.signIn(ada).authorize(authorizationRequest(s256(verifier)));
        assertThat(callback.toString()).startsWith(CALLBACK + "?code=").endsWith("&state=st");
        String code = callback.getQuery().replaceFirst("code=([^&]+).*", "$1");

        assertThat(token("grant_type=client_credentials", null).statusCode()).isEqualTo(200);
        assertThat(token(redeem(code, "another-verifier-of-at-least-43-characters-0123"), GATEWAY).statusCode())
            .isEqualTo(400);
        code = issuer.signIn(ada)
            .authorize(authorizationRequest(s256(verifier)))
            .getQuery()
            .replaceFirst("code=([^&]+).*", "$1");
        assertThat(token(redeem(code, verifier), "Basic Z2F0ZXdheTp3cm9uZw==").statusCode()).isEqualTo(401);
        HttpResponse<String> redeemed = token(redeem(code, verifier), GATEWAY);
        assertThat(redeemed.statusCode()).as(redeemed.body()).isEqualTo(200);
        assertThat(token(redeem(code, verifier), GATEWAY).statusCode()).as("a code is good once").isEqualTo(400);

        Jwt idToken = decoder(issuer).decode(field(redeemed.body(), "id_token"));
        assertThat(idToken.getAudience()).containsExactly(TestIssuer.GATEWAY_CLIENT);
        assertThat(idToken.getClaimAsString("nonce")).isEqualTo("n-0");
        assertThat(idToken.getClaimAsStringList("roles")).containsExactly("SHOPPER");
        Jwt accessToken = decoder(issuer).decode(field(redeemed.body(), "access_token"));
        assertThat(accessToken.getSubject()).isEqualTo(ada.subject().toString());
        assertThat(accessToken.getClaimAsString("email")).isEqualTo(ada.email());

        HttpResponse<String> refreshed = token(
                "grant_type=refresh_token&refresh_token=" + field(redeemed.body(), "refresh_token"), GATEWAY);
        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(issuer.accessTokensIssuedTo(ada.subject())).containsExactly(field(redeemed.body(), "access_token"),
                field(refreshed.body(), "access_token"));
    }

    @Test
    void aSignInWithoutAPkceChallengeIsRefused() {
        URI callback = issuer.signIn(TestIssuer.Person.operator())
            .authorize(URI.create(issuer.authorizationUri() + "?response_type=code&client_id=gateway&redirect_uri="
                    + CALLBACK + "&state=st"));

        assertThat(callback.toString()).startsWith(CALLBACK + "?error=invalid_request&").endsWith("&state=st");
    }

    private static final String CALLBACK = "http://localhost:8080/login/oauth2/code/sagashop";

    private static final String GATEWAY = "Basic " + Base64.getEncoder()
        .encodeToString(
                (TestIssuer.GATEWAY_CLIENT + ":" + TestIssuer.GATEWAY_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));

    private URI authorizationRequest(String challenge) {
        return URI.create(issuer.authorizationUri() + "?response_type=code&client_id=gateway&scope=openid%20shop"
                + "&state=st&nonce=n-0&code_challenge_method=S256&code_challenge=" + challenge + "&redirect_uri="
                + CALLBACK);
    }

    private static String redeem(String code, String verifier) {
        return "grant_type=authorization_code&code=" + code + "&code_verifier=" + verifier + "&redirect_uri="
                + CALLBACK;
    }

    private HttpResponse<String> token(String form, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(issuer.tokenUri()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String field(String json, String name) {
        return json.replaceFirst(".*\"" + name + "\":\"([^\"]+)\".*", "$1");
    }

    private static String s256(String verifier) throws Exception {
        return Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private static JwtDecoder decoder(TestIssuer issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer.issuerUri()));
        return decoder;
    }

}
