package io.sagashop.systemtests;

import static io.sagashop.systemtests.shop.Customers.ADA;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.sagashop.contracts.order.OrderStatus;
import io.sagashop.launcher.stack.App;
import io.sagashop.systemtests.shop.Customers;
import io.sagashop.systemtests.shop.ShopClient.Answer;
import io.sagashop.systemtests.shop.ShopClient.Line;

/**
 * The attacks that worked before the services checked tokens, repeated against the
 * running system straight at each service on 127.0.0.1, where nothing but the token
 * stands in the way: each is refused with a problem, and the databases show that nothing
 * was written. A shopper's own token does not open the saga's writes either.
 */
class ServiceAccessSystemIT extends SagaShopStoryTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private UUID confirmedOrder;

    @BeforeAll
    void aConfirmedOrder() {
        Answer placed = shop.placeOrder(ADA, UUID.randomUUID().toString(), List.of(new Line("COF-FILTER-PAPER-100", 1)),
                "tok_visa");
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
        confirmedOrder = UUID.fromString(placed.text("orderId"));
        assertThat(runs.awaitOutcome(confirmedOrder, Duration.ofSeconds(60)).status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void aRefundWithoutATokenIsRefusedAndTheConfirmedOrderKeepsItsPayment() {
        HttpResponse<String> refund = send(App.PAYMENT, "POST", "/api/payments/" + confirmedOrder + "/refund",
                "{\"reason\":\"free money\"}", null);

        assertRefused(refund, 401, "unauthorized");
        assertThat(databases.refunds(confirmedOrder)).isZero();
        assertThat(databases.payments(confirmedOrder)).extracting(payment -> payment.get("status"))
            .containsExactly("CAPTURED");
        assertThat(databases.order(confirmedOrder)).containsEntry("status", "CONFIRMED");
    }

    @Test
    void aShoppersOwnTokenDoesNotOpenTheSagasWrites() {
        String adasToken = system.tokens().accessToken(Customers.email(ADA), Customers.PASSWORD);
        String reservation = databases.reservationStatus(confirmedOrder);

        assertRefused(send(App.PAYMENT, "POST", "/api/payments/" + confirmedOrder + "/refund",
                "{\"reason\":\"free money\"}", adasToken), 403, "forbidden");
        assertRefused(send(App.INVENTORY, "POST", "/api/reservations/" + confirmedOrder + "/release", "{}", adasToken),
                403, "forbidden");
        assertThat(databases.refunds(confirmedOrder)).isZero();
        assertThat(databases.reservationStatus(confirmedOrder)).isEqualTo(reservation);
    }

    @Test
    void releasingAReservationWithoutATokenIsRefusedAndTheStockStaysSold() {
        int stock = databases.stock("COF-FILTER-PAPER-100");
        String reservation = databases.reservationStatus(confirmedOrder);

        assertRefused(send(App.INVENTORY, "POST", "/api/reservations/" + confirmedOrder + "/release", "{}", null), 401,
                "unauthorized");
        assertThat(databases.reservationStatus(confirmedOrder)).isEqualTo(reservation);
        assertThat(databases.stock("COF-FILTER-PAPER-100")).isEqualTo(stock);
    }

    @Test
    void aForgedOrderCannotBeCreatedNorConfirmedWithoutAToken() {
        UUID forged = UUID.randomUUID();

        assertRefused(send(App.ORDER, "PUT", "/api/orders/" + forged, """
                {"customerId":"%s","lines":[{"sku":"COF-ESPRESSO-250","quantity":1}]}""".formatted(ADA), null), 401,
                "unauthorized");
        assertRefused(send(App.ORDER, "POST", "/api/orders/" + forged + "/confirm", """
                {"paymentId":"%s","reservationId":"%s","totalCents":1,"currency":"EUR"}""".formatted(UUID.randomUUID(),
                UUID.randomUUID()), null), 401, "unauthorized");
        assertThat(databases.orderRows(forged)).isZero();
    }

    @Test
    void theOperatorsSwitchesNeedAnOperator() {
        int stock = databases.stock("COF-ESPRESSO-250");

        assertRefused(send(App.PAYMENT, "PUT", "/api/operator/processor-faults",
                "{\"failNextCalls\":100,\"latencyMillis\":0}", null), 401, "unauthorized");
        assertRefused(
                send(App.INVENTORY, "POST", "/api/products/COF-ESPRESSO-250/restocks", "{\"quantity\":1000}", null),
                401, "unauthorized");
        String adasToken = system.tokens().accessToken(Customers.email(ADA), Customers.PASSWORD);
        assertRefused(send(App.INVENTORY, "POST", "/api/products/COF-ESPRESSO-250/restocks", "{\"quantity\":1000}",
                adasToken), 403, "forbidden");

        assertThat(databases.stock("COF-ESPRESSO-250")).isEqualTo(stock);
        HttpResponse<String> faults = send(App.PAYMENT, "GET", "/api/operator/processor-faults", null,
                system.operatorToken());
        assertThat(faults.statusCode()).isEqualTo(200);
        assertThat(faults.body()).contains("\"failNextCalls\":0");
    }

    @Test
    void theCustomerListWithItsEmailsAndLimitsIsNotReadableWithoutAToken() {
        HttpResponse<String> customers = send(App.CUSTOMER, "GET", "/api/customers", null, null);

        assertRefused(customers, 401, "unauthorized");
        assertThat(customers.body()).doesNotContain("@example.com");
    }

    @Test
    void orderIdsCannotBeComputedFromTheShopperAndTheKey() {
        String key = "predictable-" + UUID.randomUUID();
        Answer placed = shop.placeOrder(ADA, key, List.of(new Line("COF-FILTER-PAPER-100", 1)), "tok_visa");
        UUID orderId = UUID.fromString(placed.text("orderId"));

        UUID oldScheme = UUID.nameUUIDFromBytes((ADA + ":" + key).getBytes(StandardCharsets.UTF_8));
        assertThat(orderId).isNotEqualTo(oldScheme);
        assertThat(shop.placeOrder(ADA, key, List.of(new Line("COF-FILTER-PAPER-100", 1)), "tok_visa").text("orderId"))
            .as("a repeat finds the same order")
            .isEqualTo(orderId.toString());
        assertThat(runs.awaitOutcome(orderId, Duration.ofSeconds(60)).status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    private static void assertRefused(HttpResponse<String> response, int status, String problemType) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(contentType -> assertThat(contentType).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"type\":\"urn:sagashop:problem:" + problemType + "\"");
    }

    private HttpResponse<String> send(App service, String method, String path, String json, String token) {
        URI uri = system.app(service).baseUri().resolve(path);
        assertThat(uri.getHost()).isEqualTo("127.0.0.1");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .method(method,
                    json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
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
