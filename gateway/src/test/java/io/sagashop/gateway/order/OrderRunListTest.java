package io.sagashop.gateway.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.sagashop.contracts.order.OrderStatus;
import io.sagashop.contracts.order.OrderWorkflows;
import io.sagashop.gateway.GatewayTest;
import io.sagashop.gateway.ScriptedOrderWorkflow;

/**
 * An operator lists every customer's orders from Temporal's visibility, by status and
 * customer, page by page.
 */
class OrderRunListTest extends GatewayTest {

    private final UUID customerId = UUID.randomUUID();

    @Autowired
    OrderIds orderIds;

    @Test
    void listsTheOrdersOfACustomerByStatusNewestFirst() {
        UUID reserving = place(order("tok_visa", "COF-ESPRESSO-250", "2"));
        UUID first = place(approvalSized());
        UUID second = place(approvalSized());
        UUID someoneElses = placeFor(UUID.randomUUID(), approvalSized());

        await().untilAsserted(() -> assertThat(orderIds(list("?status=AWAITING_APPROVAL&customerId=" + customerId)))
            .containsExactly(second, first));
        assertThat(orderIds(list("?customerId=" + customerId))).containsExactly(second, first, reserving);
        assertThat(orderIds(list("?status=PENDING&customerId=" + customerId))).containsExactly(reserving);
        assertThat(orderIds(list("?status=AWAITING_APPROVAL&pageSize=100"))).contains(second, first, someoneElses)
            .doesNotContain(reserving);

        OrderRunPage page = list("?status=AWAITING_APPROVAL&customerId=" + customerId);
        OrderRun run = page.items().getFirst();
        assertThat(run.customerId()).isEqualTo(customerId);
        assertThat(run.status()).isEqualTo(OrderStatus.AWAITING_APPROVAL);
        assertThat(run.runStatus()).isEqualTo(OrderRun.RunStatus.RUNNING);
        assertThat(run.startedAt()).isNotNull();
        assertThat(run.closedAt()).isNull();
        assertThat(run.temporalUiUrl())
            .hasToString(TEMPORAL_UI + "/namespaces/default/workflows/" + OrderWorkflows.workflowId(second));
        assertThat(page.nextPageToken()).isNull();
    }

    @Test
    void pagesWithTheTokenOfThePageBefore() {
        List<UUID> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(place(order("tok_visa", "COF-ESPRESSO-250", "1")));
        }
        await().untilAsserted(() -> assertThat(orderIds(list("?customerId=" + customerId))).hasSize(5));

        List<UUID> listed = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            OrderRunPage page = list(
                    "?customerId=" + customerId + "&pageSize=2" + (token == null ? "" : "&pageToken=" + token));
            listed.addAll(page.items().stream().map(OrderRun::orderId).toList());
            token = page.nextPageToken();
            pages++;
        }
        while (token != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(listed).containsExactlyElementsOf(placed.reversed());

        // A page token belongs to its query: with another filter it is refused.
        String first = list("?customerId=" + customerId + "&pageSize=2").nextPageToken();
        client.get()
            .uri("/api/operator/orders?status=CONFIRMED&customerId=" + customerId + "&pageToken=" + first)
            .header(HttpHeaders.AUTHORIZATION, operator("Olivia Operator"))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("pageToken");
    }

    @Test
    void showsHowTheRunEndedOnceItHas() {
        UUID orderId = place(approvalSized());
        await().untilAsserted(() -> assertThat(orderIds(list("?status=AWAITING_APPROVAL&customerId=" + customerId)))
            .containsExactly(orderId));
        client.post()
            .uri("/api/operator/orders/{orderId}/approve", orderId)
            .header(HttpHeaders.AUTHORIZATION, operator("Olivia Operator"))
            .exchange()
            .expectStatus()
            .isAccepted();

        await().untilAsserted(() -> {
            OrderRun run = list("?status=CONFIRMED&customerId=" + customerId).items().getFirst();
            assertThat(run.orderId()).isEqualTo(orderId);
            assertThat(run.runStatus()).isEqualTo(OrderRun.RunStatus.COMPLETED);
            assertThat(run.closedAt()).isAfterOrEqualTo(run.startedAt());
        });
    }

    @ParameterizedTest(name = "{0}={1}: 400 naming {0}")
    @CsvSource(delimiter = '|', textBlock = """
            status      | SHIPPED
            status      | awaiting_approval
            status      | OrderStatus='CONFIRMED' OR WorkflowType!=''
            customerId  | ada
            customerId  | ' OR CustomerId!='
            pageSize    | 0
            pageSize    | 101
            pageSize    | ten
            pageToken   | not+base64/
            pageToken   | a
            pageToken   | ' OR 1=1
            """)
    void refusesABadFilterWithAProblemNamingIt(String parameter, String value) {
        client.get()
            .uri(uri -> uri.path("/api/operator/orders").queryParam(parameter, "{value}").build(value))
            .header(HttpHeaders.AUTHORIZATION, operator("Olivia Operator"))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:invalid-request")
            .jsonPath("$.errors[0].field")
            .isEqualTo(parameter);
    }

    /** Well formed, but no token this list handed out: it never reaches Temporal. */
    @Test
    void refusesAPageTokenItNeverHandedOut() {
        client.get()
            .uri("/api/operator/orders?pageToken=bm90LWEtdG9rZW4")
            .header(HttpHeaders.AUTHORIZATION, operator("Olivia Operator"))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("pageToken")
            .jsonPath("$.errors[0].reason")
            .isEqualTo(InvalidPageTokenException.REASON);
    }

    private OrderRunPage list(String query) {
        return client.get()
            .uri("/api/operator/orders" + query)
            .header(HttpHeaders.AUTHORIZATION, operator("Olivia Operator"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(OrderRunPage.class)
            .returnResult()
            .getResponseBody();
    }

    private static List<UUID> orderIds(OrderRunPage page) {
        return page.items().stream().map(OrderRun::orderId).toList();
    }

    private static String approvalSized() {
        return order("tok_visa", "COF-ESPRESSO-250", String.valueOf(ScriptedOrderWorkflow.APPROVAL_ABOVE_ITEMS + 1));
    }

    private UUID place(String body) {
        return placeFor(customerId, body);
    }

    private UUID placeFor(UUID customer, String body) {
        String key = newKey();
        WebTestClient.ResponseSpec placed = placeOrder(customer, key, body);
        placed.expectStatus().isAccepted();
        return orderIds.of(customer, key);
    }

}
