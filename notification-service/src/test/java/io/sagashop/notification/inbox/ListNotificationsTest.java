package io.sagashop.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.sagashop.testsupport.security.TestIssuer;
import io.sagashop.testsupport.service.ServiceApplicationTest;

@ServiceApplicationTest
class ListNotificationsTest {

    private static final String INVALID_REQUEST = "urn:sagashop:problem:invalid-request";

    private final RestTestClient client;

    ListNotificationsTest(@Autowired RestTestClient client) {
        this.client = client;
    }

    @Test
    void listsOnlyTheCustomersNotificationsNewestFirst() {
        UUID customerId = UUID.randomUUID();
        NotificationResponse oldest = record(UUID.randomUUID(), "ORDER_CONFIRMED", customerId, "first");
        NotificationResponse middle = record(UUID.randomUUID(), "ORDER_CANCELLED", customerId, "second");
        record(UUID.randomUUID(), "ORDER_CONFIRMED", UUID.randomUUID(), "someone else's");
        NotificationResponse newest = record(UUID.randomUUID(), "APPROVAL_PENDING", customerId, "third");

        NotificationPage page = list("customerId", customerId, "");

        assertThat(page.items()).containsExactly(newest, middle, oldest);
        assertThat(page.page()).isZero();
        assertThat(page.size()).isEqualTo(20);
        assertThat(page.totalItems()).isEqualTo(3);
    }

    @Test
    void pagesThroughCustomerNotifications() {
        UUID customerId = UUID.randomUUID();
        List<NotificationResponse> recorded = List.of(record(UUID.randomUUID(), "ORDER_CONFIRMED", customerId, "1"),
                record(UUID.randomUUID(), "ORDER_CONFIRMED", customerId, "2"),
                record(UUID.randomUUID(), "ORDER_CONFIRMED", customerId, "3"),
                record(UUID.randomUUID(), "ORDER_CONFIRMED", customerId, "4"),
                record(UUID.randomUUID(), "ORDER_CONFIRMED", customerId, "5"));

        NotificationPage first = list("customerId", customerId, "&page=0&size=2");
        NotificationPage second = list("customerId", customerId, "&page=1&size=2");
        NotificationPage last = list("customerId", customerId, "&page=2&size=2");
        NotificationPage beyond = list("customerId", customerId, "&page=3&size=2");

        assertThat(first.items()).containsExactly(recorded.get(4), recorded.get(3));
        assertThat(second.items()).containsExactly(recorded.get(2), recorded.get(1));
        assertThat(last.items()).containsExactly(recorded.get(0));
        assertThat(beyond.items()).isEmpty();
        assertThat(List.of(first, second, last, beyond)).allSatisfy(page -> {
            assertThat(page.size()).isEqualTo(2);
            assertThat(page.totalItems()).isEqualTo(5);
        });
        assertThat(last.page()).isEqualTo(2);
    }

    @Test
    void listsTheOrdersNotificationsOldestFirst() {
        UUID orderId = UUID.randomUUID();
        UUID customerId = UUID.randomUUID();
        NotificationResponse pending = record(orderId, "APPROVAL_PENDING", customerId, "Awaiting approval");
        NotificationResponse confirmed = record(orderId, "ORDER_CONFIRMED", customerId, "Confirmed");
        record(UUID.randomUUID(), "ORDER_CONFIRMED", customerId, "another order");

        NotificationPage page = list("orderId", orderId, "");

        assertThat(page.items()).containsExactly(pending, confirmed);
        assertThat(page.totalItems()).isEqualTo(2);
    }

    @Test
    void customerWithoutNotificationsGetsAnEmptyPage() {
        NotificationPage page = list("customerId", UUID.randomUUID(), "");

        assertThat(page.items()).isEmpty();
        assertThat(page.totalItems()).isZero();
    }

    @Test
    void requiresCustomerIdOrOrderId() {
        expectBothFiltersNamed(client.get().uri("/api/notifications").exchange());
    }

    @Test
    void refusesCustomerIdAndOrderIdTogether() {
        expectBothFiltersNamed(client.get()
            .uri("/api/notifications?customerId={customerId}&orderId={orderId}", UUID.randomUUID(), UUID.randomUUID())
            .exchange());
    }

    @Test
    void rejectsSizeOutsideOneToHundred() {
        for (String size : List.of("0", "101", "-1")) {
            expectInvalid(client.get()
                .uri("/api/notifications?customerId={id}&size={size}", UUID.randomUUID(), size)
                .exchange(), "size");
        }
    }

    @Test
    void rejectsNegativePage() {
        expectInvalid(client.get().uri("/api/notifications?orderId={id}&page=-1", UUID.randomUUID()).exchange(),
                "page");
    }

    @Test
    void rejectsAPageSoFarItsOffsetWouldOverflow() {
        expectInvalid(client.get()
            .uri("/api/notifications?orderId={id}&page=2000000000&size=100", UUID.randomUUID())
            .exchange(), "page");
    }

    @Test
    void rejectsMalformedIds() {
        expectInvalid(client.get().uri("/api/notifications?customerId=42").exchange(), "customerId");
        expectInvalid(client.get().uri("/api/notifications?orderId=42").exchange(), "orderId");
    }

    /**
     * Sent as is: a URI template would drop the nameless parameter, which Tomcat refused
     * while the controller read its parameters (a 500).
     */
    @Test
    void rejectsAQueryTomcatCannotParseWithAProblemNotAServerError(@LocalServerPort int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest
                .newBuilder(URI
                    .create("http://localhost:" + port + "/api/notifications?orderId=" + UUID.randomUUID() + "&=x"))
                .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(TestIssuer.shared().worker()))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValue("application/problem+json");
        assertThat(response.body()).contains(INVALID_REQUEST, "\"field\":\"query\"");
    }

    private NotificationResponse record(UUID orderId, String kind, UUID customerId, String message) {
        return client.put()
            .uri("/api/notifications/{orderId}/{kind}", orderId, kind)
            .body(Map.of("customerId", customerId, "channel", "IN_APP", "message", message))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(NotificationResponse.class)
            .returnResult()
            .getResponseBody();
    }

    /** The gateway lists notifications for a shopper, with the shopper's token. */
    private NotificationPage list(String filter, UUID id, String paging) {
        UUID shopper = filter.equals("customerId") ? id : UUID.randomUUID();
        return client.get()
            .uri("/api/notifications?" + filter + "=" + id + paging)
            .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(TestIssuer.shared().shopper(shopper)))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(NotificationPage.class)
            .returnResult()
            .getResponseBody();
    }

    private static void expectBothFiltersNamed(RestTestClient.ResponseSpec response) {
        response.expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo(INVALID_REQUEST)
            .jsonPath("$.errors[*].field")
            .value(List.class, fields -> assertThat(fields).containsExactlyInAnyOrder("customerId", "orderId"));
    }

    private static void expectInvalid(RestTestClient.ResponseSpec response, String field) {
        response.expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo(INVALID_REQUEST)
            .jsonPath("$.errors[0].field")
            .isEqualTo(field);
    }

}
