package io.sagashop.systemtests;

import static io.sagashop.systemtests.shop.Customers.ADA;
import static io.sagashop.systemtests.shop.Customers.GRACE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.sagashop.contracts.order.OrderStatus;
import io.sagashop.systemtests.shop.BrowserSession;
import io.sagashop.systemtests.shop.Customers;
import io.sagashop.systemtests.shop.ShopClient.Answer;
import io.sagashop.systemtests.shop.ShopClient.Line;

/**
 * Signing in to the shop as a browser does, through the gateway and the sign-in server:
 * the authorization code flow with PKCE, a session cookie the page cannot read, CSRF
 * protection of the calls that change something, signing out, and what a stolen, forged
 * or missing credential gets.
 */
class SignInSystemIT extends SagaShopStoryTest {

    @Test
    void aShopperSignsInWithTheAuthorizationCodeAndPkceAndGetsAnHttpOnlySessionCookie() {
        BrowserSession session = BrowserSession.signIn(system.gateway(), Customers.email(ADA), Customers.PASSWORD);

        URI authorize = session.steps().get(1);
        assertThat(authorize.toString()).startsWith(system.issuer() + "/oauth2/authorize");
        assertThat(authorize.getRawQuery()).contains("response_type=code")
            .contains("client_id=gateway")
            .contains("code_challenge=")
            .contains("code_challenge_method=S256");
        HttpCookie cookie = session.cookie(BrowserSession.SESSION_COOKIE).orElseThrow();
        assertThat(cookie.isHttpOnly()).isTrue();
        HttpResponse<String> me = session.send(HttpRequest.newBuilder(system.gateway().resolve("/api/me")).GET());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains(ADA.toString()).contains("SHOPPER");
    }

    @Test
    void aWrongPasswordGivesNoSession() {
        BrowserSession session = BrowserSession.attemptSignIn(system.gateway(), Customers.email(ADA), "guess-1234");

        assertThat(session.lastPage().uri().toString()).startsWith(system.issuer() + "/login");
        assertThat(session.send(HttpRequest.newBuilder(system.gateway().resolve("/api/me")).GET()).statusCode())
            .isEqualTo(401);
    }

    @Test
    void signingOutEndsTheSessionAtTheGatewayAndAtTheSignInServer() {
        BrowserSession session = BrowserSession.signIn(system.gateway(), Customers.email(GRACE), Customers.PASSWORD);

        session.signOut();

        assertThat(session.send(HttpRequest.newBuilder(system.gateway().resolve("/api/me")).GET()).statusCode())
            .isEqualTo(401);
        BrowserSession again = BrowserSession.attemptSignIn(system.gateway(), Customers.email(GRACE), "wrong");
        assertThat(again.lastPage().uri().toString()).as("asked for the password again")
            .startsWith(system.issuer() + "/login");
    }

    @Test
    void aTamperedSessionCookieIsNobody() {
        BrowserSession session = BrowserSession.signIn(system.gateway(), Customers.email(ADA), Customers.PASSWORD);
        String forged = session.cookie(BrowserSession.SESSION_COOKIE).orElseThrow().getValue() + "x";

        HttpResponse<String> me = shopWithCookie(BrowserSession.SESSION_COOKIE + "=" + forged, "/api/me");

        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.body()).contains("urn:sagashop:problem:unauthorized");
    }

    @Test
    void aStateChangingCallWithoutTheCsrfTokenStartsNothing() {
        BrowserSession session = shop.shopper(ADA);
        String key = "cross-site-" + UUID.randomUUID();

        HttpResponse<String> forged = session
            .sendWithoutCsrfToken(HttpRequest.newBuilder(system.gateway().resolve("/api/orders"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"lines":[{"sku":"COF-FILTER-PAPER-100","quantity":1}],"paymentToken":"tok_visa"}""")));

        assertThat(forged.statusCode()).isEqualTo(403);
        Answer placed = shop.placeOrder(ADA, key, List.of(new Line("COF-FILTER-PAPER-100", 1)), "tok_visa");
        assertThat(placed.status()).as("the same key, now with the token, starts the first order").isEqualTo(202);
        UUID orderId = UUID.fromString(placed.text("orderId"));
        assertThat(runs.awaitOutcome(orderId, Duration.ofSeconds(60)).status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(runs.runsOf(orderId)).isEqualTo(1);
    }

    @Test
    void aShopperIsNoOperatorAndSeesNoOtherShoppersOrder() {
        Answer adas = shop.placeOrder(ADA, UUID.randomUUID().toString(), List.of(new Line("COF-FILTER-PAPER-100", 1)),
                "tok_visa");
        UUID orderId = UUID.fromString(adas.text("orderId"));

        assertThat(shop.order(GRACE, orderId).status()).isEqualTo(404);
        assertThat(shop.saga(GRACE, orderId).status()).isEqualTo(404);
        HttpResponse<String> approval = shop.shopper(GRACE)
            .send(HttpRequest.newBuilder(system.gateway().resolve("/api/operator/orders/" + orderId + "/approve"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"comment\":\"self-service\"}")));
        assertThat(approval.statusCode()).isEqualTo(403);
        assertThat(shopWithCookie(null, "/api/orders/" + orderId).statusCode()).as("without a session").isEqualTo(401);
    }

    private HttpResponse<String> shopWithCookie(String cookie, String path) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(system.gateway().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .GET();
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

}
