package io.sagashop.gateway.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.sagashop.gateway.GatewayTest;
import io.sagashop.gateway.TemporalTestServer;
import io.sagashop.gateway.security.CallerTokenRelay;
import io.sagashop.gateway.services.ServiceUnavailableException;
import io.sagashop.gateway.services.ServicesProperties;
import io.sagashop.gateway.temporal.TemporalProperties;
import io.sagashop.testsupport.security.TestIssuer;

/**
 * A shopper reads their own orders through the gateway, and only their own: the order
 * service answers any shopper's token, so the gateway checks the owner before anything is
 * shown.
 */
class OrderReadTest extends GatewayTest {

    private final UUID shopper = UUID.randomUUID();

    private final UUID orderId = UUID.randomUUID();

    @Autowired
    CallerTokenRelay tokenRelay;

    @Autowired
    ReactiveJwtDecoder jwtDecoder;

    @Autowired
    TemporalProperties temporalSettings;

    @BeforeEach
    void forgetEarlierRequests() {
        orderService.clear();
    }

    @Test
    void showsTheShoppersOwnOrderAsTheOrderServiceKeepsIt() throws Exception {
        orderService.answer("/api/orders/" + orderId, 200, orderJson(orderId, shopper));

        read(shopper, orderId).expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectBody()
            .jsonPath("$.orderId")
            .isEqualTo(orderId.toString())
            .jsonPath("$.customerId")
            .isEqualTo(shopper.toString())
            .jsonPath("$.status")
            .isEqualTo("CANCELLED")
            .jsonPath("$.lines[0].sku")
            .isEqualTo("COF-ESPRESSO-250")
            .jsonPath("$.lines[0].quantity")
            .isEqualTo(2)
            .jsonPath("$.totalCents")
            .isEqualTo(2590)
            .jsonPath("$.history[1].reason")
            .isEqualTo("Found it cheaper")
            .jsonPath("$.history[1].changedAt")
            .isEqualTo("2026-01-05T10:01:00Z")
            .jsonPath("$.reservationId")
            .isEmpty()
            .jsonPath("$.temporalUiUrl")
            .isEqualTo(TEMPORAL_UI + "/namespaces/" + TemporalTestServer.NAMESPACE + "/workflows/order-" + orderId)
            .jsonPath("$.addedLater")
            .doesNotExist();

        assertThat(orderService.nextRequest().pathAndQuery()).isEqualTo("/api/orders/" + orderId);
    }

    @Test
    void anotherShoppersOrderIsNotFound() {
        orderService.answer("/api/orders/" + orderId, 200, orderJson(orderId, UUID.randomUUID()));

        read(shopper, orderId).expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:order-not-found")
            .jsonPath("$.orderId")
            .isEqualTo(orderId.toString())
            .jsonPath("$.instance")
            .isEqualTo("/api/orders/" + orderId)
            .jsonPath("$.customerId")
            .doesNotExist()
            .jsonPath("$.lines")
            .doesNotExist();
    }

    @Test
    void anOrderTheOrderServiceDoesNotKnowIsNotFoundInTheGatewaysShape() {
        orderService.answer("/api/orders/" + orderId, 404, """
                {"type":"urn:sagashop:problem:order-not-found","status":404,"detail":"No order %s",
                 "resource":"order","id":"%s"}""".formatted(orderId, orderId));

        read(shopper, orderId).expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:order-not-found")
            .jsonPath("$.orderId")
            .isEqualTo(orderId.toString())
            .jsonPath("$.resource")
            .doesNotExist();
    }

    @Test
    void readingAnOrderNeedsAShoppersToken() {
        client.get()
            .uri("/api/orders/{orderId}", orderId)
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:unauthorized")
            .jsonPath("$.detail")
            .isEqualTo("A valid access token is required");
        client.get()
            .uri("/api/orders/{orderId}", orderId)
            .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(issuer.operator()))
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:forbidden");

        assertThat(orderService.receivedNothing()).isTrue();
    }

    @Test
    void anOrderIdThatIsNoUuidIsNamed() {
        client.get()
            .uri("/api/orders/{orderId}", "not-a-uuid")
            .header(HttpHeaders.AUTHORIZATION, shopper(shopper))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("orderId");

        assertThat(orderService.receivedNothing()).isTrue();
    }

    @Test
    void listsTheShoppersOwnOrdersPageByPage() throws Exception {
        orderService.answer("/api/orders", 200, """
                {"items":[%s],"page":1,"size":5,"totalItems":6}""".formatted(orderJson(orderId, shopper)));

        list(shopper, "?customerId=" + shopper + "&page=1&size=5").expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(1)
            .jsonPath("$.items[0].orderId")
            .isEqualTo(orderId.toString())
            .jsonPath("$.items[0].customerId")
            .isEqualTo(shopper.toString())
            .jsonPath("$.items[0].temporalUiUrl")
            .isEqualTo(TEMPORAL_UI + "/namespaces/" + TemporalTestServer.NAMESPACE + "/workflows/order-" + orderId)
            .jsonPath("$.page")
            .isEqualTo(1)
            .jsonPath("$.size")
            .isEqualTo(5)
            .jsonPath("$.totalItems")
            .isEqualTo(6);

        assertThat(orderService.nextRequest().pathAndQuery())
            .isEqualTo("/api/orders?customerId=" + shopper + "&page=1&size=5");
    }

    @Test
    void listsTheFirstPageOfTwentyUnlessAskedOtherwise() throws Exception {
        orderService.answer("/api/orders", 200, "{\"items\":[],\"page\":0,\"size\":20,\"totalItems\":0}");

        list(shopper, "?customerId=" + shopper).expectStatus().isOk();

        assertThat(orderService.nextRequest().pathAndQuery())
            .isEqualTo("/api/orders?customerId=" + shopper + "&page=0&size=20");
    }

    @Test
    void listingAnotherCustomersOrdersShowsNone() {
        UUID someoneElse = UUID.randomUUID();
        orderService.answer("/api/orders", 200, """
                {"items":[%s],"page":2,"size":5,"totalItems":11}""".formatted(orderJson(orderId, someoneElse)));

        list(shopper, "?customerId=" + someoneElse + "&page=2&size=5").expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(0)
            .jsonPath("$.page")
            .isEqualTo(2)
            .jsonPath("$.size")
            .isEqualTo(5)
            .jsonPath("$.totalItems")
            .isEqualTo(0);

        assertThat(orderService.receivedNothing()).isTrue();
    }

    @Test
    void listingOrdersNeedsAShoppersToken() {
        client.get()
            .uri("/api/orders?customerId={customerId}", shopper)
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:unauthorized");
        // A shopper's role, but a subject that is no customer id.
        client.get()
            .uri("/api/orders?customerId={customerId}", shopper)
            .header(HttpHeaders.AUTHORIZATION,
                    TestIssuer.bearer(issuer.token()
                        .subject("1-1-1-1-1")
                        .audiences(TestIssuer.PERSON_AUDIENCES)
                        .scopes("shop")
                        .roles("SHOPPER")
                        .signed()))
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:forbidden");

        assertThat(orderService.receivedNothing()).isTrue();
    }

    @Test
    void listingOrdersNeedsTheCustomerId() {
        list(shopper, "").expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("customerId")
            .jsonPath("$.errors[0].reason")
            .isEqualTo("is required");
        list(shopper, "?customerId=ada").expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("customerId");

        assertThat(orderService.receivedNothing()).isTrue();
    }

    @Test
    void aPageOutsideTheLimitsIsNamed() {
        list(shopper, "?customerId=" + shopper + "&size=101").expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("size")
            .jsonPath("$.errors[0].reason")
            .isEqualTo("must be at most 100");
        list(shopper, "?customerId=" + shopper + "&page=-1").expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("page")
            .jsonPath("$.errors[0].reason")
            .isEqualTo("must be at least 0");

        assertThat(orderService.receivedNothing()).isTrue();
    }

    @Test
    void anOrderServiceThatFailsIsA503() {
        orderService.answer("/api/orders/" + orderId, 500, "{\"type\":\"urn:sagashop:problem:internal-error\"}");

        read(shopper, orderId).expectStatus()
            .isEqualTo(503)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:service-unavailable")
            .jsonPath("$.detail")
            .isEqualTo("The order service answered 500 when asked to read order " + orderId);
    }

    @Test
    void anOrderServiceThatDoesNotAnswerInTimeIsA503() {
        orderService.answer("/api/orders", 200, "{\"items\":[],\"page\":0,\"size\":20,\"totalItems\":0}");
        orderService.delay(ORDER_SERVICE_TIMEOUT.plusSeconds(1));

        list(shopper, "?customerId=" + shopper).expectStatus()
            .isEqualTo(503)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:service-unavailable")
            .jsonPath("$.detail")
            .isEqualTo("The order service did not answer within " + ORDER_SERVICE_TIMEOUT.toMillis()
                    + " ms when asked to list the orders of customer " + shopper);
    }

    @Test
    void anOrderServiceThatIsDownIsUnavailable() throws IOException {
        URI nothingListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nothingListens = URI.create("http://localhost:" + socket.getLocalPort());
        }
        OrderReads reads = new OrderReads(new ServicesProperties(nothingListens, nothingListens, nothingListens,
                nothingListens, Duration.ofSeconds(1), Duration.ofSeconds(1)), tokenRelay, temporalSettings);
        Authentication caller = jwtDecoder.decode(issuer.shopper(shopper)).map(JwtAuthenticationToken::new).block();

        assertThatThrownBy(() -> reads.order(shopper, orderId)
            .contextWrite(ReactiveSecurityContextHolder.withAuthentication(caller))
            .block()).isInstanceOf(ServiceUnavailableException.class)
            .hasMessage("The order service is unavailable; could not read order " + orderId);
    }

    private WebTestClient.ResponseSpec read(UUID customerId, UUID orderId) {
        return client.get()
            .uri("/api/orders/{orderId}", orderId)
            .header(HttpHeaders.AUTHORIZATION, shopper(customerId))
            .exchange();
    }

    private WebTestClient.ResponseSpec list(UUID customerId, String query) {
        return client.get()
            .uri("/api/orders" + query)
            .header(HttpHeaders.AUTHORIZATION, shopper(customerId))
            .exchange();
    }

    /**
     * An order as the order service shows it, with a field the gateway does not know
     * (yet), which it drops.
     */
    private static String orderJson(UUID orderId, UUID customerId) {
        return """
                {"orderId":"%s","customerId":"%s","status":"CANCELLED","addedLater":true,
                 "lines":[{"sku":"COF-ESPRESSO-250","quantity":2}],"totalCents":2590,"currency":"EUR",
                 "reservationId":null,"paymentId":null,"cancelReason":"Found it cheaper",
                 "createdAt":"2026-01-05T10:00:00Z","updatedAt":"2026-01-05T10:01:00Z",
                 "history":[{"status":"PENDING","reason":"Placed","changedAt":"2026-01-05T10:00:00Z"},
                            {"status":"CANCELLED","reason":"Found it cheaper","changedAt":"2026-01-05T10:01:00Z"}]}
                """.formatted(orderId, customerId);
    }

}
