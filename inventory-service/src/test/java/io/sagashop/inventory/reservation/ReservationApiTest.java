package io.sagashop.inventory.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.sagashop.inventory.TestProducts;
import io.sagashop.problem.ProblemTypes;
import io.sagashop.testsupport.security.TestIssuer;
import io.sagashop.testsupport.service.ServiceApplicationTest;

@ServiceApplicationTest
class ReservationApiTest {

    private final RestTestClient client;

    private final JdbcClient jdbc;

    private final TestProducts products;

    @Autowired
    ReservationApiTest(RestTestClient client, JdbcClient jdbc) {
        this.client = client;
        this.jdbc = jdbc;
        this.products = new TestProducts(jdbc);
    }

    @Test
    void reservesAllLinesAtCatalogPrices() {
        String mug = products.create("MUG", 10, 1_490, "EUR");
        String beans = products.create("BEANS", 5, 2_690, "EUR");
        UUID orderId = UUID.randomUUID();

        reserve(orderId, """
                {"lines": [{"sku": "%s", "quantity": 2},
                           {"sku": "%s", "quantity": 3}]}""".formatted(beans, mug)).expectStatus()
            .isCreated()
            .expectBody()
            .jsonPath("$.reservationId")
            .isNotEmpty()
            .jsonPath("$.orderId")
            .isEqualTo(orderId.toString())
            .jsonPath("$.status")
            .isEqualTo("RESERVED")
            .jsonPath("$.lines.length()")
            .isEqualTo(2)
            .jsonPath("$.lines[0].sku")
            .isEqualTo(beans)
            .jsonPath("$.lines[0].name")
            .isEqualTo("Test product BEANS")
            .jsonPath("$.lines[0].quantity")
            .isEqualTo(2)
            .jsonPath("$.lines[0].unitPriceCents")
            .isEqualTo(2_690)
            .jsonPath("$.lines[0].lineTotalCents")
            .isEqualTo(5_380)
            .jsonPath("$.lines[1].sku")
            .isEqualTo(mug)
            .jsonPath("$.lines[1].lineTotalCents")
            .isEqualTo(4_470)
            .jsonPath("$.totalCents")
            .isEqualTo(9_850)
            .jsonPath("$.currency")
            .isEqualTo("EUR")
            .jsonPath("$.createdAt")
            .isNotEmpty()
            .jsonPath("$.releasedAt")
            .value(releasedAt -> assertThat(releasedAt).isNull());

        assertThat(products.stock(beans)).isEqualTo(3);
        assertThat(products.stock(mug)).isEqualTo(7);
        assertThat(reservationRows(orderId)).isOne();
        assertThat(jdbc.sql("""
                SELECT sum(l.quantity * l.unit_price_cents) FROM reservation_line l
                JOIN reservation r ON r.id = l.reservation_id WHERE r.order_id = ?""")
            .param(orderId)
            .query(Long.class)
            .single()).isEqualTo(9_850L);
    }

    @Test
    void aClientPriceIsRefusedAndTakesNothing() {
        String sku = products.create("CUP", 10, 990, "EUR");
        UUID orderId = UUID.randomUUID();

        // A price is not part of the contract: it is refused rather than silently
        // replaced by the catalog's.
        reserve(orderId, """
                {"lines": [{"sku": "%s", "quantity": 2, "unitPriceCents": 1}]}""".formatted(sku)).expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo(ProblemTypes.of("invalid-request").toString())
            .jsonPath("$.errors[0].field")
            .isEqualTo("lines[0].unitPriceCents")
            .jsonPath("$.errors[0].reason")
            .isEqualTo("is not a known property");

        assertThat(products.stock(sku)).isEqualTo(10);
        assertThat(reservationRows(orderId)).isZero();
    }

    @Test
    void replayReturnsFirstResultAndTakesStockOnce() {
        String sku = products.create("REPLAY", 10);
        UUID orderId = UUID.randomUUID();
        String request = oneLine(sku, 4);

        String first = body(reserve(orderId, request).expectStatus().isCreated());
        String replay = body(reserve(orderId, request).expectStatus().isOk());

        assertThat(replay).isEqualTo(first);
        assertThat(products.stock(sku)).isEqualTo(6);
        assertThat(reservationRows(orderId)).isOne();
    }

    @Test
    void replayWithLinesInAnotherOrderReturnsFirstResult() {
        // A replay is the same set of lines; the order they are listed in does not
        // matter.
        String first = products.create("A", 10);
        String second = products.create("B", 10);
        UUID orderId = UUID.randomUUID();
        String original = body(reserve(orderId, twoLines(first, 1, second, 2)).expectStatus().isCreated());

        String replay = body(reserve(orderId, twoLines(second, 2, first, 1)).expectStatus().isOk());

        assertThat(replay).isEqualTo(original);
        assertThat(products.stock(first)).isEqualTo(9);
        assertThat(products.stock(second)).isEqualTo(8);
    }

    @Test
    void sameOrderWithOtherLinesIsAConflict() {
        String sku = products.create("CONFLICT", 10);
        UUID orderId = UUID.randomUUID();
        reserve(orderId, oneLine(sku, 1)).expectStatus().isCreated();

        reserve(orderId, oneLine(sku, 2)).expectStatus()
            .isEqualTo(HttpStatus.CONFLICT)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo(ProblemTypes.of("idempotency-conflict").toString())
            .jsonPath("$.key")
            .isEqualTo(orderId.toString());

        assertThat(products.stock(sku)).isEqualTo(9);
        assertThat(reservationRows(orderId)).isOne();
    }

    @Test
    void reservesAllLinesOrNone() {
        String inStock = products.create("A", 10);
        String scarce = products.create("B", 1);
        UUID orderId = UUID.randomUUID();

        reserve(orderId, twoLines(inStock, 5, scarce, 2)).expectStatus()
            .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo(ProblemTypes.of("out-of-stock").toString())
            .jsonPath("$.sku")
            .isEqualTo(scarce)
            .jsonPath("$.requested")
            .isEqualTo(2)
            .jsonPath("$.available")
            .isEqualTo(1);

        assertThat(products.stock(inStock)).isEqualTo(10);
        assertThat(products.stock(scarce)).isEqualTo(1);
        assertThat(reservationRows(orderId)).isZero();
    }

    @Test
    void unknownSkuIsRefusedAndTakesNothing() {
        String known = products.create("A", 10);
        String unknown = "TEST-B-NO-SUCH-PRODUCT";
        UUID orderId = UUID.randomUUID();

        reserve(orderId, twoLines(known, 1, unknown, 1)).expectStatus()
            .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo(ProblemTypes.of("unknown-sku").toString())
            .jsonPath("$.sku")
            .isEqualTo(unknown);

        assertThat(products.stock(known)).isEqualTo(10);
        assertThat(reservationRows(orderId)).isZero();
    }

    @Test
    void failedReserveCanBeRetriedOnceStockArrives() {
        String sku = products.create("LATER", 0);
        UUID orderId = UUID.randomUUID();
        reserve(orderId, oneLine(sku, 1)).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        jdbc.sql("UPDATE product SET stock = 1 WHERE sku = ?").param(sku).update();

        reserve(orderId, oneLine(sku, 1)).expectStatus().isCreated();

        assertThat(products.stock(sku)).isZero();
    }

    @Test
    void linesPricedInDifferentCurrenciesAreRefused() {
        String euro = products.create("A", 10, 1_000, "EUR");
        String franc = products.create("B", 10, 1_000, "CHF");
        UUID orderId = UUID.randomUUID();

        reserve(orderId, twoLines(euro, 1, franc, 1)).expectStatus()
            .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo(ProblemTypes.of("currency-mismatch").toString())
            .jsonPath("$.sku")
            .isEqualTo(franc);

        assertThat(products.stock(euro)).isEqualTo(10);
        assertThat(products.stock(franc)).isEqualTo(10);
        assertThat(reservationRows(orderId)).isZero();
    }

    @Test
    void getReturnsTheReservation() {
        String sku = products.create("GET", 10);
        UUID orderId = UUID.randomUUID();
        String reserved = body(reserve(orderId, oneLine(sku, 1)).expectStatus().isCreated());

        String fetched = body(readAsOperator(orderId).exchange().expectStatus().isOk());

        assertThat(fetched).isEqualTo(reserved);
    }

    @Test
    void getWithoutReservationIsNotFound() {
        UUID orderId = UUID.randomUUID();

        readAsOperator(orderId).exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo(ProblemTypes.of("reservation-not-found").toString())
            .jsonPath("$.id")
            .isEqualTo(orderId.toString());
    }

    @Test
    void releaseReturnsStockOnce() {
        String first = products.create("A", 10);
        String second = products.create("B", 10);
        UUID orderId = UUID.randomUUID();
        reserve(orderId, twoLines(first, 3, second, 4)).expectStatus().isCreated();

        String released = body(release(orderId).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("RELEASED")
            .jsonPath("$.releasedAt")
            .isNotEmpty()
            .jsonPath("$.lines.length()")
            .isEqualTo(2)
            .jsonPath("$.totalCents")
            .isEqualTo(7 * TestProducts.PRICE_CENTS));
        assertThat(products.stock(first)).isEqualTo(10);
        assertThat(products.stock(second)).isEqualTo(10);

        String again = body(release(orderId).expectStatus().isOk());

        assertThat(again).isEqualTo(released);
        assertThat(products.stock(first)).isEqualTo(10);
        assertThat(products.stock(second)).isEqualTo(10);
        assertThat(jdbc.sql("SELECT status FROM reservation WHERE order_id = ?")
            .param(orderId)
            .query(String.class)
            .single()).isEqualTo("RELEASED");
    }

    @Test
    void reserveAfterReleaseIsRefused() {
        String sku = products.create("AFTER", 10);
        UUID orderId = UUID.randomUUID();
        reserve(orderId, oneLine(sku, 2)).expectStatus().isCreated();
        release(orderId).expectStatus().isOk();

        reserve(orderId, oneLine(sku, 2)).expectStatus()
            .isEqualTo(HttpStatus.CONFLICT)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo(ProblemTypes.of("reservation-released").toString())
            .jsonPath("$.orderId")
            .isEqualTo(orderId.toString());

        assertThat(products.stock(sku)).isEqualTo(10);
    }

    @Test
    void releaseWithoutReservationRecordsATombstoneThatRefusesALateReserve() {
        String sku = products.create("LATE", 10);
        UUID orderId = UUID.randomUUID();

        release(orderId).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.orderId")
            .isEqualTo(orderId.toString())
            .jsonPath("$.status")
            .isEqualTo("RELEASED")
            .jsonPath("$.lines")
            .isEmpty()
            .jsonPath("$.totalCents")
            .isEqualTo(0)
            .jsonPath("$.currency")
            .isEqualTo("EUR")
            .jsonPath("$.releasedAt")
            .isNotEmpty();

        reserve(orderId, oneLine(sku, 1)).expectStatus()
            .isEqualTo(HttpStatus.CONFLICT)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo(ProblemTypes.of("reservation-released").toString());

        assertThat(products.stock(sku)).isEqualTo(10);
        assertThat(reservationRows(orderId)).isOne();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM reservation_line l JOIN reservation r ON r.id = l.reservation_id
                WHERE r.order_id = ?""").param(orderId).query(Integer.class).single()).isZero();
        readAsOperator(orderId).exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("RELEASED");
    }

    @Test
    void repeatedReleaseWithoutReservationAnswersTheSameTombstone() {
        UUID orderId = UUID.randomUUID();

        String first = body(release(orderId).expectStatus().isOk());
        String again = body(release(orderId).expectStatus().isOk());

        assertThat(again).isEqualTo(first);
        assertThat(reservationRows(orderId)).isOne();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|',
            textBlock = """
                    no lines field          | {}                                                   | lines
                    null lines              | {"lines": null}                                      | lines
                    empty lines             | {"lines": []}                                        | lines
                    null line               | {"lines": [null]}                                    | lines[0]
                    missing sku             | {"lines": [{"quantity": 1}]}                         | lines[0].sku
                    lowercase sku           | {"lines": [{"sku": "cof-espresso-250", "quantity": 1}]} | lines[0].sku
                    sku with double hyphen  | {"lines": [{"sku": "COF--ESPRESSO", "quantity": 1}]} | lines[0].sku
                    sku too short           | {"lines": [{"sku": "AB", "quantity": 1}]}            | lines[0].sku
                    sku too long            | {"lines": [{"sku": "ABCDEFGHIJ-ABCDEFGHIJ-ABCDEFGHIJK", "quantity": 1}]} | lines[0].sku
                    missing quantity        | {"lines": [{"sku": "COF-ESPRESSO-250"}]}             | lines[0].quantity
                    zero quantity           | {"lines": [{"sku": "COF-ESPRESSO-250", "quantity": 0}]} | lines[0].quantity
                    negative quantity       | {"lines": [{"sku": "COF-ESPRESSO-250", "quantity": -1}]} | lines[0].quantity
                    quantity over 100       | {"lines": [{"sku": "COF-ESPRESSO-250", "quantity": 101}]} | lines[0].quantity
                    quantity not a number   | {"lines": [{"sku": "COF-ESPRESSO-250", "quantity": "two"}]} | lines[0].quantity
                    duplicate sku           | {"lines": [{"sku": "COF-ESPRESSO-250", "quantity": 1}, {"sku": "COF-MOKA-POT-6", "quantity": 1}, {"sku": "COF-ESPRESSO-250", "quantity": 2}]} | lines[2].sku
                    """)
    void invalidLinesAreRejectedNamingTheField(String description, String body, String field) {
        UUID orderId = UUID.randomUUID();

        reserve(orderId, body).expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo(ProblemTypes.of("invalid-request").toString())
            .jsonPath("$.errors[0].field")
            .isEqualTo(field);

        assertThat(reservationRows(orderId)).isZero();
    }

    @Test
    void moreThan50LinesAreRejected() {
        String lines = IntStream.rangeClosed(1, 51)
            .mapToObj(i -> "{\"sku\": \"TEST-LINE-%03d\", \"quantity\": 1}".formatted(i))
            .collect(Collectors.joining(",", "{\"lines\": [", "]}"));

        reserve(UUID.randomUUID(), lines).expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("lines");
    }

    @Test
    void malformedJsonIsRejected() {
        reserve(UUID.randomUUID(), "{\"lines\": [").expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo(ProblemTypes.of("malformed-request").toString());
    }

    @Test
    void orderIdThatIsNoUuidIsRejectedNamingIt() {
        client.put()
            .uri("/api/reservations/order-42")
            .contentType(MediaType.APPLICATION_JSON)
            .body(oneLine("COF-ESPRESSO-250", 1))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo(ProblemTypes.of("invalid-request").toString())
            .jsonPath("$.errors[0].field")
            .isEqualTo("orderId");
        client.post()
            .uri("/api/reservations/order-42/release")
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("orderId");
    }

    @Test
    void oversizedBodyIsRefused() {
        UUID orderId = UUID.randomUUID();

        reserve(orderId, TestProducts.oversizedJson(70_000)).expectStatus()
            .isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo(ProblemTypes.of("request-too-large").toString());

        assertThat(reservationRows(orderId)).isZero();
    }

    private RestTestClient.ResponseSpec reserve(UUID orderId, String json) {
        return client.put()
            .uri("/api/reservations/{orderId}", orderId)
            .contentType(MediaType.APPLICATION_JSON)
            .body(json)
            .exchange();
    }

    /** An operator looks a reservation up; the saga may too. */
    private RestTestClient.RequestHeadersSpec<?> readAsOperator(UUID orderId) {
        return client.get()
            .uri("/api/reservations/{orderId}", orderId)
            .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(TestIssuer.shared().operator()));
    }

    private RestTestClient.ResponseSpec release(UUID orderId) {
        return client.post().uri("/api/reservations/{orderId}/release", orderId).exchange();
    }

    private int reservationRows(UUID orderId) {
        return jdbc.sql("SELECT count(*) FROM reservation WHERE order_id = ?")
            .param(orderId)
            .query(Integer.class)
            .single();
    }

    private static String body(RestTestClient.ResponseSpec response) {
        return body(response.expectBody());
    }

    private static String body(RestTestClient.BodyContentSpec body) {
        return new String(body.returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
    }

    static String oneLine(String sku, int quantity) {
        return "{\"lines\": [{\"sku\": \"%s\", \"quantity\": %d}]}".formatted(sku, quantity);
    }

    private static String twoLines(String firstSku, int firstQuantity, String secondSku, int secondQuantity) {
        return "{\"lines\": [{\"sku\": \"%s\", \"quantity\": %d}, {\"sku\": \"%s\", \"quantity\": %d}]}"
            .formatted(firstSku, firstQuantity, secondSku, secondQuantity);
    }

}
