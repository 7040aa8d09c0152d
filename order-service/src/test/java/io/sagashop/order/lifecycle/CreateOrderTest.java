package io.sagashop.order.lifecycle;

import static io.sagashop.order.lifecycle.OrderApi.createRequest;
import static io.sagashop.order.lifecycle.OrderApi.expectInvalidField;
import static io.sagashop.order.lifecycle.OrderApi.expectProblem;
import static io.sagashop.order.lifecycle.OrderApi.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.sagashop.testsupport.service.ServiceApplicationTest;

@ServiceApplicationTest
class CreateOrderTest {

    @Autowired
    private RestTestClient client;

    @Autowired
    private JdbcClient jdbc;

    private OrderApi api;

    @BeforeEach
    void setUp() {
        api = new OrderApi(client);
    }

    @Test
    void createsPendingOrderWithItsLinesAndFirstHistoryEntry() {
        UUID orderId = UUID.randomUUID();
        UUID customerId = UUID.randomUUID();

        OrderResponse order = api
            .put(orderId, createRequest(customerId, line("COF-ESPRESSO-250", 2), line("TEA-SENCHA-100", 1)))
            .expectStatus()
            .isCreated()
            .expectHeader()
            .location("/api/orders/" + orderId)
            .expectBody(OrderResponse.class)
            .returnResult()
            .getResponseBody();

        assertThat(order.orderId()).isEqualTo(orderId);
        assertThat(order.customerId()).isEqualTo(customerId);
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.lines()).containsExactly(new OrderResponse.Line("COF-ESPRESSO-250", 2),
                new OrderResponse.Line("TEA-SENCHA-100", 1));
        assertThat(order.totalCents()).isNull();
        assertThat(order.currency()).isNull();
        assertThat(order.reservationId()).isNull();
        assertThat(order.paymentId()).isNull();
        assertThat(order.cancelReason()).isNull();
        assertThat(order.createdAt()).isNotNull().isEqualTo(order.updatedAt());
        assertThat(order.history()).singleElement().satisfies(change -> {
            assertThat(change.status()).isEqualTo(OrderStatus.PENDING);
            assertThat(change.changedAt()).isEqualTo(order.createdAt());
        });
        assertThat(jdbc.sql("select line_no, sku, quantity from order_line where order_id = ? order by line_no")
            .param(orderId)
            .query((rs, row) -> rs.getInt(1) + ":" + rs.getString(2) + ":" + rs.getInt(3))
            .list()).containsExactly("1:COF-ESPRESSO-250:2", "2:TEA-SENCHA-100:1");
        assertThat(api.order(orderId)).isEqualTo(order);
    }

    @Test
    void replayReturnsFirstResultAndAddsNoRow() {
        UUID orderId = UUID.randomUUID();
        CreateOrderRequest request = createRequest(UUID.randomUUID(), line("COF-ESPRESSO-250", 2));
        OrderResponse first = api.createOrder(orderId, request);

        OrderResponse replay = api.put(orderId, request)
            .expectStatus()
            .isOk()
            .expectBody(OrderResponse.class)
            .returnResult()
            .getResponseBody();

        assertThat(replay).isEqualTo(first);
        assertThat(rowCount("customer_order", orderId)).isOne();
        assertThat(rowCount("order_line", orderId)).isOne();
        assertThat(rowCount("order_status_change", orderId)).isOne();
    }

    @Test
    void replayAfterConfirmationReturnsTheOrderAsItIsNow() {
        UUID orderId = UUID.randomUUID();
        CreateOrderRequest request = createRequest(UUID.randomUUID(), line("COF-ESPRESSO-250", 2));
        api.createOrder(orderId, request);
        OrderResponse confirmed = api.transition(orderId, "confirm", OrderApi.confirmation(2400));

        api.put(orderId, request).expectStatus().isOk().expectBody(OrderResponse.class).isEqualTo(confirmed);
    }

    @Test
    void sameIdForOtherLinesIsAnIdempotencyConflict() {
        UUID orderId = UUID.randomUUID();
        UUID customerId = UUID.randomUUID();
        api.createOrder(orderId, createRequest(customerId, line("COF-ESPRESSO-250", 2)));

        expectProblem(api.put(orderId, createRequest(customerId, line("COF-ESPRESSO-250", 3))), HttpStatus.CONFLICT,
                "idempotency-conflict")
            .jsonPath("$.key")
            .isEqualTo(orderId.toString());

        assertThat(api.order(orderId).lines()).containsExactly(new OrderResponse.Line("COF-ESPRESSO-250", 2));
        assertThat(rowCount("order_status_change", orderId)).isOne();
    }

    @Test
    void sameIdForAnotherCustomerIsAnIdempotencyConflict() {
        UUID orderId = UUID.randomUUID();
        api.createOrder(orderId, createRequest(UUID.randomUUID(), line("COF-ESPRESSO-250", 2)));

        expectProblem(api.put(orderId, createRequest(UUID.randomUUID(), line("COF-ESPRESSO-250", 2))),
                HttpStatus.CONFLICT, "idempotency-conflict");
    }

    @Test
    void duplicateSkuIsRejectedNamingTheRepeatingLine() {
        UUID orderId = UUID.randomUUID();

        expectInvalidField(
                api.put(orderId,
                        createRequest(UUID.randomUUID(), line("COF-ESPRESSO-250", 1), line("TEA-SENCHA-100", 1),
                                line("COF-ESPRESSO-250", 2))),
                "lines[2].sku")
            .jsonPath("$.errors.length()")
            .isEqualTo(1);

        assertThat(rowCount("customer_order", orderId)).isZero();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"lines":[{"sku":"COF-ESPRESSO-250","quantity":1}]}                                     | customerId
            {"customerId":"%s"}                                                                     | lines
            {"customerId":"%s","lines":[]}                                                          | lines
            {"customerId":"%s","lines":[null]}                                                      | lines[0]
            {"customerId":"%s","lines":[{"quantity":1}]}                                            | lines[0].sku
            {"customerId":"%s","lines":[{"sku":"COF-ESPRESSO-250"}]}                                | lines[0].quantity
            {"customerId":"%s","lines":[{"sku":"COF-ESPRESSO-250","quantity":0}]}                   | lines[0].quantity
            {"customerId":"%s","lines":[{"sku":"COF-ESPRESSO-250","quantity":-1}]}                  | lines[0].quantity
            {"customerId":"%s","lines":[{"sku":"COF-ESPRESSO-250","quantity":101}]}                 | lines[0].quantity
            {"customerId":"%s","lines":[{"sku":"cof-espresso","quantity":1}]}                       | lines[0].sku
            {"customerId":"%s","lines":[{"sku":"COF--ESPRESSO","quantity":1}]}                      | lines[0].sku
            {"customerId":"%s","lines":[{"sku":"AB","quantity":1}]}                                 | lines[0].sku
            {"customerId":"%s","lines":[{"sku":"ABCDEFGHIJ-ABCDEFGHIJ-ABCDEFGHIJ-X","quantity":1}]} | lines[0].sku
            {"customerId":"not-a-uuid","lines":[{"sku":"COF-ESPRESSO-250","quantity":1}]}          | customerId
            {"customerId":"%s","lines":[{"sku":"COF-ESPRESSO-250","quantity":"two"}]}               | lines[0].quantity
            """)
    void invalidBodyIsRejectedNamingTheField(String json, String field) {
        UUID orderId = UUID.randomUUID();

        expectInvalidField(api.put(orderId, json.formatted(UUID.randomUUID())), field);

        assertThat(rowCount("customer_order", orderId)).isZero();
    }

    @Test
    void moreThanFiftyLinesAreRejected() {
        var lines = IntStream.rangeClosed(1, 51).mapToObj(i -> line("SKU-" + i, 1)).toList();

        expectInvalidField(api.put(UUID.randomUUID(), new CreateOrderRequest(UUID.randomUUID(), lines)), "lines");
    }

    @Test
    void fiftyLinesAreAccepted() {
        var lines = IntStream.rangeClosed(1, 50).mapToObj(i -> line("SKU-" + i, 100)).toList();

        OrderResponse order = api.createOrder(UUID.randomUUID(), new CreateOrderRequest(UUID.randomUUID(), lines));

        assertThat(order.lines()).hasSize(50).last().isEqualTo(new OrderResponse.Line("SKU-50", 100));
    }

    @Test
    void malformedJsonIsRejected() {
        expectProblem(api.put(UUID.randomUUID(), "{\"customerId\": "), HttpStatus.BAD_REQUEST, "malformed-request");
    }

    @Test
    void orderIdThatIsNoUuidIsRejected() {
        expectInvalidField(client.put()
            .uri("/api/orders/not-a-uuid")
            .contentType(MediaType.APPLICATION_JSON)
            .body(createRequest(UUID.randomUUID(), line("COF-ESPRESSO-250", 1)))
            .exchange(), "orderId");
    }

    @Test
    void bodyOverTheLimitIsRejectedBeforeParsing() {
        String padding = "x".repeat(70 * 1024);
        String json = "{\"customerId\":\"%s\",\"padding\":\"%s\",\"lines\":[]}".formatted(UUID.randomUUID(), padding);

        expectProblem(api.put(UUID.randomUUID(), json), HttpStatus.CONTENT_TOO_LARGE, "request-too-large");
    }

    private long rowCount(String table, UUID orderId) {
        String idColumn = table.equals("customer_order") ? "id" : "order_id";
        return jdbc.sql("select count(*) from " + table + " where " + idColumn + " = ?")
            .param(orderId)
            .query(Long.class)
            .single();
    }

}
