package io.sagashop.inventory.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.sagashop.inventory.TestProducts;
import io.sagashop.problem.ProblemTypes;
import io.sagashop.testsupport.security.TestIssuer;
import io.sagashop.testsupport.service.ServiceApplicationTest;

@ServiceApplicationTest
class RestockApiTest {

    private final RestTestClient client;

    private final JdbcClient jdbc;

    private final TestProducts products;

    /** Restocking is an operator's call. */
    @Autowired
    RestockApiTest(RestTestClient client, JdbcClient jdbc) {
        this.client = client.mutate()
            .defaultHeader(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(TestIssuer.shared().operator()))
            .build();
        this.jdbc = jdbc;
        this.products = new TestProducts(jdbc);
    }

    @Test
    void restockAddsUnitsAndRecordsTheDelivery() {
        String sku = products.create("RESTOCK", 5);
        String key = newKey();
        Instant before = Instant.now();

        restock(sku, key, "{\"quantity\": 20}").expectStatus()
            .isCreated()
            .expectBody()
            .jsonPath("$.restockId")
            .isNotEmpty()
            .jsonPath("$.sku")
            .isEqualTo(sku)
            .jsonPath("$.quantity")
            .isEqualTo(20)
            .jsonPath("$.stockAfter")
            .isEqualTo(25)
            .jsonPath("$.createdAt")
            .value(String.class,
                    createdAt -> assertThat(Instant.parse(createdAt)).isBetween(before.minusSeconds(1), Instant.now()));

        assertThat(products.stock(sku)).isEqualTo(25);
        assertThat(restockRows(key)).isOne();
        assertThat(jdbc.sql("SELECT quantity FROM restock WHERE idempotency_key = ?")
            .param(key)
            .query(Integer.class)
            .single()).isEqualTo(20);
    }

    @Test
    void replayReturnsFirstResultAndAddsStockOnce() {
        String sku = products.create("REPLAY", 5);
        String key = newKey();

        String first = body(restock(sku, key, "{\"quantity\": 10}").expectStatus().isCreated());
        String replay = body(restock(sku, key, "{\"quantity\": 10}").expectStatus().isOk());

        assertThat(replay).isEqualTo(first);
        assertThat(products.stock(sku)).isEqualTo(15);
        assertThat(restockRows(key)).isOne();
    }

    @Test
    void sameKeyWithAnotherQuantityIsAConflict() {
        String sku = products.create("CONFLICT", 5);
        String key = newKey();
        restock(sku, key, "{\"quantity\": 10}").expectStatus().isCreated();

        restock(sku, key, "{\"quantity\": 11}").expectStatus()
            .isEqualTo(HttpStatus.CONFLICT)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo(ProblemTypes.of("idempotency-conflict").toString())
            .jsonPath("$.key")
            .isEqualTo(key);

        assertThat(products.stock(sku)).isEqualTo(15);
        assertThat(restockRows(key)).isOne();
    }

    @Test
    void sameKeyForAnotherProductIsAConflict() {
        String sku = products.create("FIRST", 5);
        String other = products.create("OTHER", 5);
        String key = newKey();
        restock(sku, key, "{\"quantity\": 10}").expectStatus().isCreated();

        restock(other, key, "{\"quantity\": 10}").expectStatus()
            .isEqualTo(HttpStatus.CONFLICT)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo(ProblemTypes.of("idempotency-conflict").toString());

        assertThat(products.stock(other)).isEqualTo(5);
        assertThat(restockRows(key)).isOne();
    }

    @Test
    void concurrentFirstRequestsWithOneKeyAddStockOnce() throws Exception {
        String sku = products.create("RACE", 0);
        String key = newKey();
        int requests = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<EntityExchangeResult<byte[]>>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(requests)) {
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return restock(sku, key, "{\"quantity\": 4}").expectBody().returnResult();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            List<String> bodies = new ArrayList<>();
            for (Future<EntityExchangeResult<byte[]>> answer : answers) {
                EntityExchangeResult<byte[]> result = answer.get(30, TimeUnit.SECONDS);
                statuses.add(result.getStatus().value());
                bodies.add(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8));
            }
            assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 200);
            assertThat(bodies).containsOnly(bodies.getFirst());
        }
        assertThat(products.stock(sku)).isEqualTo(4);
        assertThat(restockRows(key)).isOne();
    }

    @Test
    void unknownProductIsNotFoundAndRecordsNothing() {
        String key = newKey();

        restock("TEST-NO-SUCH-PRODUCT", key, "{\"quantity\": 10}").expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo(ProblemTypes.of("product-not-found").toString());

        assertThat(restockRows(key)).isZero();
    }

    @Test
    void restockPastTheStockLimitIsRefused() {
        String sku = products.create("FULL", Integer.MAX_VALUE - 5);

        restock(sku, newKey(), "{\"quantity\": 6}").expectStatus()
            .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo(ProblemTypes.of("stock-limit-exceeded").toString())
            .jsonPath("$.sku")
            .isEqualTo(sku);

        assertThat(products.stock(sku)).isEqualTo(Integer.MAX_VALUE - 5);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{}", "{\"quantity\": null}", "{\"quantity\": 0}", "{\"quantity\": -3}",
            "{\"quantity\": 10001}", "{\"quantity\": \"many\"}" })
    void invalidQuantityIsRejectedNamingTheField(String body) {
        String sku = products.create("INVALID", 5);

        restock(sku, newKey(), body).expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo(ProblemTypes.of("invalid-request").toString())
            .jsonPath("$.errors[0].field")
            .isEqualTo("quantity");

        assertThat(products.stock(sku)).isEqualTo(5);
    }

    @Test
    void quantityBeyondAnyIntegerIsRejected() {
        String sku = products.create("HUGE", 5);

        restock(sku, newKey(), "{\"quantity\": 99999999999}").expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(products.stock(sku)).isEqualTo(5);
    }

    @Test
    void malformedJsonIsRejected() {
        String sku = products.create("MALFORMED", 5);

        restock(sku, newKey(), "{\"quantity\": ").expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo(ProblemTypes.of("malformed-request").toString());
    }

    @Test
    void missingIdempotencyKeyIsRejectedNamingTheHeader() {
        String sku = products.create("NOKEY", 5);

        client.post()
            .uri("/api/products/{sku}/restocks", sku)
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"quantity\": 1}")
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo(ProblemTypes.of("invalid-request").toString())
            .jsonPath("$.errors[0].field")
            .isEqualTo("Idempotency-Key");

        assertThat(products.stock(sku)).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 101 })
    void idempotencyKeyOutside1To100CharactersIsRejected(int length) {
        String sku = products.create("KEYLENGTH", 5);

        restock(sku, "k".repeat(length), "{\"quantity\": 1}").expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo(ProblemTypes.of("invalid-request").toString())
            .jsonPath("$.errors[0].field")
            .isEqualTo("Idempotency-Key");

        assertThat(products.stock(sku)).isEqualTo(5);
    }

    @Test
    void malformedSkuIsRejectedNamingTheSku() {
        restock("not a sku", newKey(), "{\"quantity\": 1}").expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("sku");
    }

    @Test
    void oversizedBodyIsRefused() {
        String sku = products.create("BIG", 5);

        restock(sku, newKey(), TestProducts.oversizedJson(70_000)).expectStatus()
            .isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo(ProblemTypes.of("request-too-large").toString());

        assertThat(products.stock(sku)).isEqualTo(5);
    }

    private RestTestClient.ResponseSpec restock(String sku, String key, String json) {
        return client.post()
            .uri("/api/products/{sku}/restocks", sku)
            .header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON)
            .body(json)
            .exchange();
    }

    private static String body(RestTestClient.ResponseSpec response) {
        return new String(response.expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
    }

    private int restockRows(String key) {
        return jdbc.sql("SELECT count(*) FROM restock WHERE idempotency_key = ?")
            .param(key)
            .query(Integer.class)
            .single();
    }

    private static String newKey() {
        return "restock-" + UUID.randomUUID();
    }

}
