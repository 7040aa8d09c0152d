package io.sagashop.gateway.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.sagashop.gateway.GatewayTest;
import io.sagashop.testsupport.security.TestIssuer;

/**
 * A shopper reads what the shop told them, and only that: the gateway asks the
 * notification service for the shopper's own list only, with their token.
 */
class NotificationReadTest extends GatewayTest {

    private final UUID shopper = UUID.randomUUID();

    @BeforeEach
    void forgetEarlierRequests() {
        notificationService.clear();
    }

    @Test
    void listsTheShoppersOwnNotifications() throws Exception {
        UUID orderId = UUID.randomUUID();
        notificationService.answer("/api/notifications", 200, """
                {"items":[{"notificationId":"%s","orderId":"%s","customerId":"%s","kind":"ORDER_CONFIRMED",
                 "channel":"EMAIL","message":"Your order is confirmed","createdAt":"2026-01-05T10:00:00Z",
                 "deliveredAt":null,"addedLater":1}],"page":1,"size":5,"totalItems":6}""".formatted(UUID.randomUUID(),
                orderId, shopper));

        list(shopper, "?customerId=" + shopper + "&page=1&size=5").expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items[0].orderId")
            .isEqualTo(orderId.toString())
            .jsonPath("$.items[0].kind")
            .isEqualTo("ORDER_CONFIRMED")
            .jsonPath("$.items[0].message")
            .isEqualTo("Your order is confirmed")
            .jsonPath("$.items[0].addedLater")
            .doesNotExist()
            .jsonPath("$.totalItems")
            .isEqualTo(6);

        assertThat(notificationService.nextRequest().pathAndQuery())
            .isEqualTo("/api/notifications?customerId=" + shopper + "&page=1&size=5");
    }

    @Test
    void anotherCustomersListIsEmptyAndNeverAsked() {
        list(shopper, "?customerId=" + UUID.randomUUID()).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(0)
            .jsonPath("$.totalItems")
            .isEqualTo(0);

        assertThat(notificationService.receivedNothing()).isTrue();
    }

    @Test
    void needsAShopperAndAValidPage() {
        client.get()
            .uri("/api/notifications?customerId={customerId}", shopper)
            .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(issuer.operator()))
            .exchange()
            .expectStatus()
            .isForbidden();
        list(shopper, "?customerId=" + shopper + "&size=0").expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("size");
        list(shopper, "").expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("customerId");

        assertThat(notificationService.receivedNothing()).isTrue();
    }

    @Test
    void aNotificationServiceThatFailsIsA503() {
        notificationService.answer("/api/notifications", 500, "{\"type\":\"urn:sagashop:problem:internal-error\"}");

        list(shopper, "?customerId=" + shopper).expectStatus()
            .isEqualTo(503)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:service-unavailable")
            .jsonPath("$.detail")
            .isEqualTo("The notification service answered 500 when asked to list the notifications of customer "
                    + shopper);
    }

    private WebTestClient.ResponseSpec list(UUID customerId, String query) {
        return client.get()
            .uri("/api/notifications" + query)
            .header(HttpHeaders.AUTHORIZATION, shopper(customerId))
            .exchange();
    }

}
