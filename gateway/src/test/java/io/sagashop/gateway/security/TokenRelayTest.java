package io.sagashop.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import io.sagashop.gateway.Browser;
import io.sagashop.gateway.GatewayTest;
import io.sagashop.gateway.StubService.Received;
import io.sagashop.testsupport.security.TestIssuer;
import io.sagashop.testsupport.security.TestIssuer.Person;

/**
 * The services behind the gateway get the caller's own access token, whether the gateway
 * reads for the caller (a shopper's order) or routes the call (the catalog), and nothing
 * of a browser's session.
 */
class TokenRelayTest extends GatewayTest {

    private final Person shopper = Person.shopper(UUID.randomUUID());

    private final UUID orderId = UUID.randomUUID();

    @BeforeEach
    void forgetEarlierRequests() {
        inventoryService.clear();
        orderService.clear();
        orderService.answer("/api/orders/" + orderId, 200, """
                {"orderId":"%s","customerId":"%s","status":"PENDING","lines":[{"sku":"COF-1","quantity":1}],
                 "history":[]}""".formatted(orderId, shopper.subject()));
    }

    @Test
    void relaysTheBearerTokenExactlyAsSent() throws Exception {
        String token = issuer.accessToken(shopper).signed();

        client.get()
            .uri("/api/products/COF-1")
            .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(token))
            .exchange()
            .expectStatus()
            .isOk();
        client.get()
            .uri("/api/orders/{orderId}", orderId)
            .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(token))
            .exchange()
            .expectStatus()
            .isOk();

        assertThat(inventoryService.nextRequest())
            .isEqualTo(new Received("GET", "/api/products/COF-1", "Bearer " + token, null));
        assertThat(orderService.nextRequest())
            .isEqualTo(new Received("GET", "/api/orders/" + orderId, "Bearer " + token, null));
    }

    @Test
    void relaysTheSessionsAccessTokenAndNotTheSessionCookie() throws Exception {
        Browser browser = Browser.signedIn(client, issuer.signIn(shopper));
        String token = issuer.accessTokensIssuedTo(shopper.subject()).getLast();

        browser.client().get().uri("/api/products/COF-1").exchange().expectStatus().isOk();
        browser.client().get().uri("/api/orders/{orderId}", orderId).exchange().expectStatus().isOk();

        assertThat(inventoryService.nextRequest())
            .isEqualTo(new Received("GET", "/api/products/COF-1", "Bearer " + token, null));
        assertThat(orderService.nextRequest())
            .isEqualTo(new Received("GET", "/api/orders/" + orderId, "Bearer " + token, null));
    }

    /** The caller's own token replaces whatever else the caller put in the header. */
    @Test
    void aSessionCannotSendTheServicesACredentialOfItsOwn() throws Exception {
        Browser browser = Browser.signedIn(client, issuer.signIn(shopper));
        String token = issuer.accessTokensIssuedTo(shopper.subject()).getLast();

        browser.client()
            .get()
            .uri("/api/products/COF-1")
            .header(HttpHeaders.AUTHORIZATION, "Basic b3BlcmF0b3I6aHVudGVyMg==")
            .exchange()
            .expectStatus()
            .isOk();

        assertThat(inventoryService.nextRequest().authorization()).isEqualTo("Bearer " + token);
    }

    /**
     * An access token that has expired, or will within the client's minute of clock skew,
     * is refreshed before it is relayed.
     */
    @Test
    void refreshesTheSessionsExpiredAccessToken() throws Exception {
        Browser browser = Browser.signedIn(client, issuer.signIn(shopper).accessTokenLifetime(Duration.ofSeconds(30)));

        browser.client().get().uri("/api/products/COF-1").exchange().expectStatus().isOk();
        browser.client().get().uri("/api/orders/{orderId}", orderId).exchange().expectStatus().isOk();

        List<String> issued = issuer.accessTokensIssuedTo(shopper.subject());
        assertThat(issued).hasSize(2);
        assertThat(inventoryService.nextRequest().authorization()).isEqualTo("Bearer " + issued.get(1));
        assertThat(orderService.nextRequest().authorization()).isEqualTo("Bearer " + issued.get(1));
    }

}
