package io.sagashop.auth.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestClient;

import io.sagashop.auth.AuthServerTest;
import io.sagashop.auth.AuthorizationCodeFlow;
import io.sagashop.auth.Browser;
import io.sagashop.auth.Pkce;
import io.sagashop.auth.TokenEndpoint;

/**
 * The whole sign-in of a person, as the gateway and the command line do it: authorization
 * request, sign-in form, code, token exchange with the PKCE verifier; the tokens checked
 * against the key set the server publishes.
 */
@AuthServerTest
class AuthorizationCodeFlowTest {

    private static final UUID ADA = UUID.fromString("c1000000-0000-4000-8000-000000000001");

    private static final UUID OLIVIA_OPERATOR = UUID.fromString("0e000000-0000-4000-8000-000000000001");

    private static final List<String> SHOP_AUDIENCE = List.of("gateway", "customer-service", "inventory-service",
            "order-service", "payment-service", "notification-service");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    URI base;

    NimbusJwtDecoder publishedKeys;

    @BeforeEach
    void connect() {
        this.base = URI.create("http://127.0.0.1:" + this.port);
        this.publishedKeys = NimbusJwtDecoder.withJwkSetUri(this.base + "/oauth2/jwks").build();
        this.publishedKeys.setJwtValidator(JwtValidators.createDefaultWithIssuer(AuthServerTest.ISSUER));
    }

    @Test
    void theGatewaySignsAShopperInAndGetsTokensForTheShop() {
        Pkce pkce = Pkce.create();
        String code = new AuthorizationCodeFlow(new Browser(this.base)).authorizationCode("gateway",
                "openid profile shop", AuthorizationCodeFlow.GATEWAY_CALLBACK, pkce, "ada@example.com",
                "saga-shop-demo");

        TokenEndpoint.Answer tokens = new TokenEndpoint(this.base).exchangeCode("gateway",
                AuthServerTest.GATEWAY_SECRET, code, AuthorizationCodeFlow.GATEWAY_CALLBACK, pkce.verifier());

        assertThat(tokens.status()).as(tokens.body().toString()).isEqualTo(200);
        assertThat(tokens.get("token_type")).isEqualTo("Bearer");
        assertThat(tokens.get("refresh_token")).isNotBlank();
        Jwt access = this.publishedKeys.decode(tokens.get("access_token"));
        assertThat(access.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
        assertThat(access.getIssuer()).hasToString(AuthServerTest.ISSUER);
        assertThat(access.getAudience()).containsExactlyElementsOf(SHOP_AUDIENCE);
        assertThat(access.getSubject()).isEqualTo(ADA.toString());
        assertThat(access.getClaimAsStringList("roles")).containsExactly("SHOPPER");
        assertThat(access.getClaimAsString("name")).isEqualTo("Ada Lovelace");
        assertThat(access.getClaimAsString("email")).isEqualTo("ada@example.com");
        assertThat(access.getClaimAsStringList("scope")).containsExactlyInAnyOrder("openid", "profile", "shop");
        assertThat(access.getExpiresAt()).isBetween(access.getIssuedAt().plusSeconds(299),
                access.getIssuedAt().plusSeconds(301));

        Jwt id = this.publishedKeys.decode(tokens.get("id_token"));
        assertThat(id.getAudience()).containsExactly("gateway");
        assertThat(id.getSubject()).isEqualTo(ADA.toString());
        assertThat(id.getClaimAsStringList("roles")).containsExactly("SHOPPER");
        assertThat(id.getClaimAsString("name")).isEqualTo("Ada Lovelace");
        assertThat(id.getClaimAsString("email")).isEqualTo("ada@example.com");
    }

    @Test
    void theGatewayRefreshesAShoppersTokens() {
        Pkce pkce = Pkce.create();
        String code = new AuthorizationCodeFlow(new Browser(this.base)).authorizationCode("gateway",
                "openid profile shop", AuthorizationCodeFlow.GATEWAY_CALLBACK, pkce, "grace@example.com",
                "saga-shop-demo");
        TokenEndpoint endpoint = new TokenEndpoint(this.base);
        TokenEndpoint.Answer first = endpoint.exchangeCode("gateway", AuthServerTest.GATEWAY_SECRET, code,
                AuthorizationCodeFlow.GATEWAY_CALLBACK, pkce.verifier());

        TokenEndpoint.Answer refreshed = endpoint.refresh("gateway", AuthServerTest.GATEWAY_SECRET,
                first.get("refresh_token"));

        assertThat(refreshed.status()).as(refreshed.body().toString()).isEqualTo(200);
        Jwt access = this.publishedKeys.decode(refreshed.get("access_token"));
        assertThat(access.getSubject()).isEqualTo("c1000000-0000-4000-8000-000000000002");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("SHOPPER");
        assertThat(access.getAudience()).containsExactlyElementsOf(SHOP_AUDIENCE);
        // Refresh tokens are not reused: the old one is spent.
        assertThat(refreshed.get("refresh_token")).isNotEqualTo(first.get("refresh_token"));
        assertThat(endpoint.refresh("gateway", AuthServerTest.GATEWAY_SECRET, first.get("refresh_token")).status())
            .isEqualTo(400);
    }

    @Test
    void theCommandLineSignsAnOperatorInWithoutASecret() {
        Pkce pkce = Pkce.create();
        String code = new AuthorizationCodeFlow(new Browser(this.base)).authorizationCode("shop-cli", "openid shop",
                AuthorizationCodeFlow.CLI_CALLBACK, pkce, "Operator@Example.com", "saga-shop-demo");

        TokenEndpoint.Answer tokens = new TokenEndpoint(this.base).exchangeCode("shop-cli", null, code,
                AuthorizationCodeFlow.CLI_CALLBACK, pkce.verifier());

        assertThat(tokens.status()).as(tokens.body().toString()).isEqualTo(200);
        assertThat(tokens.body()).doesNotContainKey("refresh_token");
        Jwt access = this.publishedKeys.decode(tokens.get("access_token"));
        assertThat(access.getIssuer()).hasToString(AuthServerTest.ISSUER);
        assertThat(access.getAudience()).containsExactlyElementsOf(SHOP_AUDIENCE);
        assertThat(access.getSubject()).isEqualTo(OLIVIA_OPERATOR.toString());
        assertThat(access.getClaimAsStringList("roles")).containsExactly("OPERATOR");
        assertThat(access.getClaimAsString("name")).isEqualTo("Olivia Operator");
        assertThat(access.getClaimAsStringList("scope")).containsExactlyInAnyOrder("openid", "shop");
        Jwt id = this.publishedKeys.decode(tokens.get("id_token"));
        assertThat(id.getAudience()).containsExactly("shop-cli");
        assertThat(id.getSubject()).isEqualTo(OLIVIA_OPERATOR.toString());
    }

    @Test
    void aCodeIsExchangedOnlyWithItsVerifierAndOnlyOnce() {
        Pkce pkce = Pkce.create();
        String code = new AuthorizationCodeFlow(new Browser(this.base)).authorizationCode("shop-cli", "openid shop",
                AuthorizationCodeFlow.CLI_CALLBACK, pkce, "alan@example.com", "saga-shop-demo");
        TokenEndpoint endpoint = new TokenEndpoint(this.base);

        TokenEndpoint.Answer wrongVerifier = endpoint.exchangeCode("shop-cli", null, code,
                AuthorizationCodeFlow.CLI_CALLBACK, Pkce.create().verifier());

        assertThat(wrongVerifier.status()).isEqualTo(400);
        assertThat(wrongVerifier.get("error")).isEqualTo("invalid_grant");
        TokenEndpoint.Answer rightVerifier = endpoint.exchangeCode("shop-cli", null, code,
                AuthorizationCodeFlow.CLI_CALLBACK, pkce.verifier());
        assertThat(rightVerifier.status()).isEqualTo(200);
        TokenEndpoint.Answer again = endpoint.exchangeCode("shop-cli", null, code, AuthorizationCodeFlow.CLI_CALLBACK,
                pkce.verifier());
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.get("error")).isEqualTo("invalid_grant");
    }

    @Test
    void anAuthorizationRequestWithoutPkceIsRefused() {
        for (String[] client : new String[][] {
                { "gateway", "openid profile shop", AuthorizationCodeFlow.GATEWAY_CALLBACK },
                { "shop-cli", "openid shop", AuthorizationCodeFlow.CLI_CALLBACK } }) {
            Browser browser = new Browser(this.base);
            assertThat(browser.signIn("alan@example.com", "saga-shop-demo").statusCode()).isEqualTo(302);

            HttpResponse<String> answer = browser
                .get(AuthorizationCodeFlow.authorizationRequest(client[0], client[1], client[2], null, "no-pkce"));

            assertThat(answer.statusCode()).isEqualTo(302);
            String location = Browser.location(answer);
            assertThat(location).as(client[0]).startsWith(client[2] + "?").contains("error=invalid_request");
            assertThat(location).contains("code_challenge").doesNotContain("code=");
        }
    }

    @Test
    void signingOutAtTheGatewayEndsTheSessionAndReturnsToTheShop() {
        Browser browser = new Browser(this.base);
        Pkce pkce = Pkce.create();
        String code = new AuthorizationCodeFlow(browser).authorizationCode("gateway", "openid profile shop",
                AuthorizationCodeFlow.GATEWAY_CALLBACK, pkce, "alan@example.com", "saga-shop-demo");
        TokenEndpoint.Answer tokens = new TokenEndpoint(this.base).exchangeCode("gateway",
                AuthServerTest.GATEWAY_SECRET, code, AuthorizationCodeFlow.GATEWAY_CALLBACK, pkce.verifier());

        HttpResponse<String> signedOut = browser.get("/connect/logout?id_token_hint=" + tokens.get("id_token")
                + "&post_logout_redirect_uri=https%3A%2F%2Fshop.sagashop.test%2F&state=bye");

        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(Browser.location(signedOut)).isEqualTo("https://shop.sagashop.test/?state=bye");
        String authorize = AuthorizationCodeFlow.authorizationRequest("gateway", "openid profile shop",
                AuthorizationCodeFlow.GATEWAY_CALLBACK, Pkce.create(), "after-logout");
        assertThat(Browser.location(browser.get(authorize))).endsWith("/login");
    }

    @Test
    void userinfoNamesThePersonAsTheirIdTokenDoes() {
        Pkce pkce = Pkce.create();
        String code = new AuthorizationCodeFlow(new Browser(this.base)).authorizationCode("gateway",
                "openid profile shop", AuthorizationCodeFlow.GATEWAY_CALLBACK, pkce, "mallory@example.com",
                "saga-shop-demo");
        TokenEndpoint.Answer tokens = new TokenEndpoint(this.base).exchangeCode("gateway",
                AuthServerTest.GATEWAY_SECRET, code, AuthorizationCodeFlow.GATEWAY_CALLBACK, pkce.verifier());

        Map<String, Object> userInfo = RestClient.create(this.base.toString())
            .get()
            .uri("/userinfo")
            .header("Authorization", "Bearer " + tokens.get("access_token"))
            .retrieve()
            .body(new ParameterizedTypeReference<Map<String, Object>>() {
            });

        assertThat(userInfo).containsEntry("sub", "c1000000-0000-4000-8000-000000000004")
            .containsEntry("name", "Mallory Blocked")
            .containsEntry("email", "mallory@example.com")
            .containsEntry("roles", List.of("SHOPPER"));
    }

    @Test
    void authorizationsAreKeptInTheDatabase() {
        Pkce pkce = Pkce.create();
        String code = new AuthorizationCodeFlow(new Browser(this.base)).authorizationCode("shop-cli", "openid shop",
                AuthorizationCodeFlow.CLI_CALLBACK, pkce, "bob@example.com", "saga-shop-demo");

        TokenEndpoint.Answer tokens = new TokenEndpoint(this.base).exchangeCode("shop-cli", null, code,
                AuthorizationCodeFlow.CLI_CALLBACK, pkce.verifier());

        assertThat(this.jdbc
            .sql("SELECT count(*) FROM oauth2_authorization WHERE principal_name = 'bob@example.com' "
                    + "AND registered_client_id = 'shop-cli' AND access_token_value = :token")
            .param("token", tokens.get("access_token"))
            .query(Long.class)
            .single()).isEqualTo(1);
    }

}
