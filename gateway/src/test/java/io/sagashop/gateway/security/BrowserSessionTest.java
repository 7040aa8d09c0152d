package io.sagashop.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import io.sagashop.contracts.order.OrderSearchAttributes;
import io.sagashop.contracts.order.OrderWorkflows;
import io.sagashop.gateway.Browser;
import io.sagashop.gateway.GatewayTest;
import io.sagashop.gateway.ScriptedOrderWorkflow;
import io.sagashop.testsupport.security.TestIssuer.Person;

/**
 * The gateway as the browser's backend: a person signs in at the issuer, the browser
 * holds only an HttpOnly session cookie, and what the session may change needs the CSRF
 * token the shop's script reads from its cookie.
 */
class BrowserSessionTest extends GatewayTest {

    private final Person shopper = Person.shopper(UUID.randomUUID());

    @LocalServerPort
    int port;

    @Test
    void signsInAtTheIssuerAsTheConfidentialClientWithPkce() {
        Browser browser = new Browser(client);

        browser.signIn(issuer.signIn(shopper)).expectStatus().isFound().expectHeader().location("/");

        URI request = browser.authorizationRequest();
        assertThat(request.toString()).startsWith(issuer.authorizationUri() + "?");
        Map<String, String> query = UriComponentsBuilder.fromUri(request).build().getQueryParams().toSingleValueMap();
        assertThat(query).containsEntry("response_type", "code")
            .containsEntry("client_id", "gateway")
            .containsEntry("code_challenge_method", "S256")
            .containsKeys("code_challenge", "state", "nonce");
        assertThat(decoded(query.get("scope")).split(" ")).containsExactlyInAnyOrder("openid", "profile", "shop");
        assertThat(decoded(query.get("redirect_uri")))
            .isEqualTo("http://localhost:" + port + "/login/oauth2/code/sagashop");
        ResponseCookie session = browser.cookie(Browser.SESSION_COOKIE);
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(session.isSecure()).isFalse();
        assertThat(browser.cookie("SESSION")).isNull();

        browser.client()
            .get()
            .uri("/api/me")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.subject")
            .isEqualTo(shopper.subject().toString())
            .jsonPath("$.name")
            .isEqualTo(shopper.name())
            .jsonPath("$.email")
            .isEqualTo(shopper.email())
            .jsonPath("$.roles")
            .isEqualTo(List.of("SHOPPER"));
        ResponseCookie csrf = browser.cookie(Browser.CSRF_COOKIE);
        assertThat(csrf.isHttpOnly()).as("the shop's script reads it").isFalse();
        assertThat(csrf.getSameSite()).isEqualTo("Lax");
        assertThat(csrf.getPath()).isEqualTo("/");
    }

    @Test
    void aBrowserSignsInFromAViewOfTheShopAndComesBackToItButAnApiCallIsRefused() {
        Browser browser = new Browser(client);
        browser.client()
            .get()
            .uri("/orders?page=2")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.TEXT_HTML);

        browser.signInFrom("/orders?page=2", issuer.signIn(shopper))
            .expectStatus()
            .isFound()
            .expectHeader()
            .location("/orders?page=2&continue");
        browser.client()
            .get()
            .uri("/orders?page=2&continue")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isOk();
        client.get()
            .uri("/api/me")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** The sign-in link brings a browser back to a view of the shop, never elsewhere. */
    @Test
    void aSignInLinkReturnsOnlyToTheShop() {
        for (String elsewhere : List.of("https://impostor.test/orders", "//impostor.test/orders", "/api/me",
                "/\\impostor.test")) {
            new Browser(client).signInFrom(elsewhere, issuer.signIn(shopper))
                .expectStatus()
                .isFound()
                .expectHeader()
                .location("/");
        }
    }

    @Test
    void aStateChangingCallOfTheSessionNeedsTheCsrfToken() {
        Browser browser = Browser.signedIn(client, issuer.signIn(shopper));
        int runsBefore = temporal.runCount();

        placeOrder(browser, null).expectStatus()
            .isForbidden()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:forbidden")
            .jsonPath("$.detail")
            .value(String.class, detail -> assertThat(detail).contains("X-XSRF-TOKEN"));
        placeOrder(browser, "not-the-token").expectStatus().isForbidden();
        assertThat(temporal.runCount()).isEqualTo(runsBefore);

        String workflowId = placeOrder(browser, browser.csrfToken()).expectStatus()
            .isAccepted()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("workflowId")
            .toString();
        assertThat(temporal.input(workflowId).customerId()).isEqualTo(shopper.subject());
    }

    /** A Bearer token is not sent by the browser on its own: it needs no CSRF token. */
    @Test
    void aBearerCallNeedsNoCsrfTokenEvenBesideASessionCookie() {
        Browser browser = Browser.signedIn(client, issuer.signIn(shopper));

        browser.client()
            .post()
            .uri("/api/orders")
            .header(HttpHeaders.AUTHORIZATION, shopper(shopper.subject()))
            .header("Idempotency-Key", newKey())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(order("tok_visa", "COF-ESPRESSO-250", "1"))
            .exchange()
            .expectStatus()
            .isAccepted();
    }

    @Test
    void signingOutNeedsTheCsrfTokenAndEndsTheSessionAtTheIssuerToo() {
        Browser browser = Browser.signedIn(client, issuer.signIn(shopper));
        String session = browser.cookie(Browser.SESSION_COOKIE).getValue();

        browser.client().post().uri("/logout").exchange().expectStatus().isForbidden();
        browser.client().get().uri("/api/me").exchange().expectStatus().isOk();

        URI signOut = browser.client()
            .post()
            .uri("/logout")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .bodyValue("_csrf=" + browser.csrfToken())
            .exchange()
            .expectStatus()
            .isFound()
            .returnResult(Void.class)
            .getResponseHeaders()
            .getLocation();

        assertThat(signOut.toString()).startsWith(issuer.endSessionUri() + "?");
        Map<String, String> query = UriComponentsBuilder.fromUri(signOut).build().getQueryParams().toSingleValueMap();
        assertThat(query).containsKey("id_token_hint");
        assertThat(decoded(query.get("post_logout_redirect_uri"))).isEqualTo("http://localhost:" + port + "/");
        client.get().uri("/api/me").cookie(Browser.SESSION_COOKIE, session).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anIdTokenOfAnotherIssuerSignsNobodyIn() {
        Browser browser = new Browser(client);

        browser.signIn(issuer.signIn(shopper).idTokenIssuer("http://impostor.test"))
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:unauthorized")
            .jsonPath("$.detail")
            .value(String.class, detail -> assertThat(detail).startsWith("Sign-in failed: [invalid_id_token]"));
        browser.client().get().uri("/api/me").exchange().expectStatus().isUnauthorized();
    }

    /**
     * Roles and name come from the session's ID token, as they do from an access token.
     */
    @Test
    void anOperatorsSessionDecidesUnderTheirName() {
        String items = String.valueOf(ScriptedOrderWorkflow.APPROVAL_ABOVE_ITEMS + 1);
        String orderId = placeOrder(shopper.subject(), newKey(), order("tok_visa", "COF-ESPRESSO-250", items))
            .expectStatus()
            .isAccepted()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("orderId")
            .toString();
        await().untilAsserted(() -> assertThat(temporal.describe(OrderWorkflows.workflowId(UUID.fromString(orderId)))
            .getTypedSearchAttributes()
            .get(OrderSearchAttributes.ORDER_STATUS)).isEqualTo("AWAITING_APPROVAL"));
        Browser shoppersBrowser = Browser.signedIn(client, issuer.signIn(shopper));
        Browser operatorsBrowser = Browser.signedIn(client, issuer.signIn(Person.operator()));

        decide(shoppersBrowser, orderId).expectStatus().isForbidden();
        decide(operatorsBrowser, orderId).expectStatus()
            .isAccepted()
            .expectBody()
            .jsonPath("$.cancelReason")
            .isEqualTo("Rejected by Olivia Operator: Too many at once");
    }

    private WebTestClient.ResponseSpec placeOrder(Browser browser, String csrfToken) {
        WebTestClient.RequestBodySpec request = browser.client()
            .post()
            .uri("/api/orders")
            .header("Idempotency-Key", newKey())
            .contentType(MediaType.APPLICATION_JSON);
        if (csrfToken != null) {
            request.header("X-XSRF-TOKEN", csrfToken);
        }
        return request.bodyValue(order("tok_visa", "COF-ESPRESSO-250", "1")).exchange();
    }

    private static WebTestClient.ResponseSpec decide(Browser browser, String orderId) {
        return browser.client()
            .post()
            .uri("/api/operator/orders/{orderId}/reject", orderId)
            .header("X-XSRF-TOKEN", browser.csrfToken())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"comment\":\"Too many at once\"}")
            .exchange();
    }

    private static String decoded(String queryValue) {
        return URLDecoder.decode(queryValue, StandardCharsets.UTF_8);
    }

}
