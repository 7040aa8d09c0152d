package io.sagashop.customer.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import io.sagashop.testsupport.security.TestIssuer;
import io.sagashop.testsupport.service.ServiceApplicationTest;

@ServiceApplicationTest
class CustomerRegistrationTest {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final ParameterizedTypeReference<List<String>> STRINGS = new ParameterizedTypeReference<>() {
    };

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void registersAnActiveCustomerWithLowerCaseEmail() {
        String key = newKey();
        String email = newEmail();

        EntityExchangeResult<CustomerResponse> result = register(key,
                body("Katherine Johnson", email.toUpperCase(Locale.ROOT), 300_000))
            .expectStatus()
            .isCreated()
            .expectBody(CustomerResponse.class)
            .returnResult();

        CustomerResponse created = result.getResponseBody();
        assertThat(created).isNotNull();
        assertThat(created.name()).isEqualTo("Katherine Johnson");
        assertThat(created.email()).isEqualTo(email);
        assertThat(created.status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(created.creditLimitCents()).isEqualTo(300_000L);
        assertThat(created.createdAt()).isNotNull();
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/api/customers/" + created.customerId());
        assertThat(client.get()
            .uri("/api/customers/{id}", created.customerId())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(CustomerResponse.class)
            .returnResult()
            .getResponseBody()).isEqualTo(created);
        assertThat(rowsWithKey(key)).isEqualTo(1);
    }

    @Test
    void replayReturnsFirstResultAndAddsNoRow() {
        String key = newKey();
        String body = body("Dorothy Vaughan", newEmail(), 100_000);
        CustomerResponse first = register(key, body).expectStatus()
            .isCreated()
            .expectBody(CustomerResponse.class)
            .returnResult()
            .getResponseBody();

        CustomerResponse replayed = register(key, body).expectStatus()
            .isOk()
            .expectBody(CustomerResponse.class)
            .returnResult()
            .getResponseBody();

        assertThat(replayed).isEqualTo(first);
        assertThat(rowsWithKey(key)).isEqualTo(1);
    }

    @Test
    void keyReusedWithAnotherPayloadIsAConflictAndChangesNothing() {
        String key = newKey();
        String email = newEmail();
        CustomerResponse first = register(key, body("Mary Jackson", email, 100_000)).expectStatus()
            .isCreated()
            .expectBody(CustomerResponse.class)
            .returnResult()
            .getResponseBody();

        register(key, body("Mary Jackson", email, 200_000)).expectStatus()
            .isEqualTo(HttpStatus.CONFLICT)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:idempotency-conflict")
            .jsonPath("$.key")
            .isEqualTo(key);

        assertThat(rowsWithKey(key)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT credit_limit_cents FROM customer WHERE id = ?")
            .param(first.customerId())
            .query(Long.class)
            .single()).isEqualTo(100_000L);
    }

    @Test
    void emailOfAnotherCustomerIsTakenEvenInOtherCase() {
        String email = newEmail();
        register(newKey(), body("First Holder", email, 0)).expectStatus().isCreated();

        for (String sameAddress : List.of(email, email.toUpperCase(Locale.ROOT), "ADA@Example.COM")) {
            String key = newKey();
            register(key, body("Second Holder", sameAddress, 0)).expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:sagashop:problem:email-taken")
                .jsonPath("$.errors[0].field")
                .isEqualTo("email");
            assertThat(rowsWithKey(key)).isZero();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM customer WHERE email = ?").param(email).query(Long.class).single())
            .isEqualTo(1);
    }

    @Test
    void parallelFirstRequestsWithOneKeyCreateOneCustomer() throws Exception {
        String key = newKey();
        String body = body("Hedy Lamarr", newEmail(), 50_000);
        int callers = 10;
        CountDownLatch start = new CountDownLatch(1);
        List<EntityExchangeResult<CustomerResponse>> results = new ArrayList<>();

        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            List<Future<EntityExchangeResult<CustomerResponse>>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return register(key, body).returnResult(CustomerResponse.class);
                }));
            }
            start.countDown();
            for (Future<EntityExchangeResult<CustomerResponse>> answer : answers) {
                results.add(answer.get(30, TimeUnit.SECONDS));
            }
        }

        assertThat(results).extracting(result -> result.getStatus().value())
            .containsOnly(201, 200)
            .filteredOn(status -> status == 201)
            .hasSize(1);
        assertThat(results).extracting(result -> result.getResponseBody().customerId())
            .hasSize(callers)
            .containsOnly(results.getFirst().getResponseBody().customerId());
        assertThat(rowsWithKey(key)).isEqualTo(1);
    }

    @Test
    void requestRacingAnUncommittedTwinWaitsAndAnswersFromTheTwinsRow() throws Exception {
        String key = newKey();
        String email = newEmail();
        UUID twinId = UUID.randomUUID();

        EntityExchangeResult<CustomerResponse> result = whileUncommittedRowExists(twinId, key, email,
                () -> register(key, body("Race Twin", email, 70_000)).returnResult(CustomerResponse.class));

        assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(result.getResponseBody().customerId()).isEqualTo(twinId);
        assertThat(rowsWithKey(key)).isEqualTo(1);
    }

    @Test
    void requestRacingAnUncommittedCustomerWithTheSameEmailFindsTheEmailTaken() throws Exception {
        String email = newEmail();
        String key = newKey();

        EntityExchangeResult<String> result = whileUncommittedRowExists(UUID.randomUUID(), newKey(), email,
                () -> register(key, body("Race Rival", email, 70_000)).returnResult(String.class));

        assertThat(result.getStatus()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(result.getResponseBody()).contains("urn:sagashop:problem:email-taken");
        assertThat(rowsWithKey(key)).isZero();
    }

    @Test
    void missingFieldsAreNamed() {
        register(newKey(), "{}").expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:invalid-request")
            .jsonPath("$.errors[*].field")
            .value(STRINGS,
                    fields -> assertThat(fields).containsExactlyInAnyOrder("name", "email", "creditLimitCents"));
    }

    @Test
    void invalidValuesAreNamedAndNothingIsStored() {
        String key = newKey();
        String tooLongName = "n".repeat(101);

        register(key, body(tooLongName, "not-an-email", -1)).expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:invalid-request")
            .jsonPath("$.errors[*].field")
            .value(STRINGS,
                    fields -> assertThat(fields).containsExactlyInAnyOrder("name", "email", "creditLimitCents"));
        assertThat(rowsWithKey(key)).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "status": "BLOCKED" | status
            "isAdmin": true     | isAdmin
            """)
    void unknownFieldsAreRefusedNamingThemAndNothingIsStored(String extra, String field) {
        String key = newKey();
        String json = """
                {"name": "Eve", "email": "%s", "creditLimitCents": 100, %s}""".formatted(newEmail(), extra);

        register(key, json).expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:invalid-request")
            .jsonPath("$.errors[0].field")
            .isEqualTo(field)
            .jsonPath("$.errors[0].reason")
            .isEqualTo("is not a known property");
        assertThat(rowsWithKey(key)).isZero();
    }

    @Test
    void creditLimitAboveTheMaximumIsRefused() {
        register(newKey(), body("Big Spender", newEmail(), 10_000_001)).expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("creditLimitCents");
    }

    @Test
    void creditLimitOfWrongTypeIsNamed() {
        register(newKey(), """
                {"name": "Typo", "email": "%s", "creditLimitCents": "lots"}""".formatted(newEmail())).expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("creditLimitCents");
    }

    @Test
    void missingIdempotencyKeyIsNamed() {
        client.post()
            .uri("/api/customers")
            .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(TestIssuer.shared().operator()))
            .contentType(MediaType.APPLICATION_JSON)
            .body(body("No Key", newEmail(), 0))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo(IDEMPOTENCY_KEY);
    }

    @Test
    void blankOrOverlongIdempotencyKeyIsNamed() {
        for (String key : List.of(" ", "k".repeat(101))) {
            register(key, body("Bad Key", newEmail(), 0)).expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:sagashop:problem:invalid-request")
                .jsonPath("$.errors[0].field")
                .isEqualTo(IDEMPOTENCY_KEY);
        }
    }

    @Test
    void malformedJsonIsABadRequest() {
        register(newKey(), "{\"name\": \"Half").expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:malformed-request");
    }

    @Test
    void bodyOver64KilobytesIsRefused() {
        register(newKey(), body("x".repeat(70_000), newEmail(), 0)).expectStatus()
            .isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:request-too-large");
    }

    @Test
    void databaseHoldsTheInvariantsOnItsOwn() {
        assertThatThrownBy(() -> insertDirectly("upper@EXAMPLE.com", "ACTIVE", 0))
            .isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageContaining("customer_email_lower_case");
        assertThatThrownBy(() -> insertDirectly(newEmail(), "ACTIVE", -1))
            .isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageContaining("customer_credit_limit_not_negative");
        assertThatThrownBy(() -> insertDirectly(newEmail(), "SUSPENDED", 0))
            .isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageContaining("customer_status_known");
        assertThatThrownBy(() -> insertDirectly("ada@example.com", "ACTIVE", 0))
            .isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageContaining("customer_email_unique");
    }

    /** Registering is an operator's call. */
    private ResponseSpec register(String idempotencyKey, String json) {
        return client.post()
            .uri("/api/customers")
            .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(TestIssuer.shared().operator()))
            .header(IDEMPOTENCY_KEY, idempotencyKey)
            .contentType(MediaType.APPLICATION_JSON)
            .body(json)
            .exchange();
    }

    /**
     * Inserts a customer in a transaction of its own, sends the request while that
     * transaction is open, waits until the request's insert blocks on the uncommitted
     * row, then commits and returns the request's answer. This is the losing side of two
     * concurrent first requests, made deterministic.
     */
    private <T> T whileUncommittedRowExists(UUID id, String key, String email, Callable<T> request) throws Exception {
        try (ExecutorService pool = Executors.newSingleThreadExecutor(); Connection twin = dataSource.getConnection()) {
            twin.setAutoCommit(false);
            try (PreparedStatement insert = twin.prepareStatement("""
                    INSERT INTO customer (id, name, email, status, credit_limit_cents, creation_key)
                    VALUES (?, 'Race Twin', ?, 'ACTIVE', 70000, ?)""")) {
                insert.setObject(1, id);
                insert.setString(2, email);
                insert.setString(3, key);
                insert.executeUpdate();
            }
            Future<T> answer = pool.submit(request);
            await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc
                    .sql("""
                            SELECT count(*) FROM pg_stat_activity
                            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'insert into customer%'""")
                    .query(Long.class)
                    .single() == 1);
            twin.commit();
            return answer.get(20, TimeUnit.SECONDS);
        }
    }

    private void insertDirectly(String email, String status, long creditLimitCents) {
        jdbc.sql("""
                INSERT INTO customer (id, name, email, status, credit_limit_cents)
                VALUES (?, 'Direct Insert', ?, ?, ?)""")
            .params(UUID.randomUUID(), email, status, creditLimitCents)
            .update();
    }

    private long rowsWithKey(String key) {
        return jdbc.sql("SELECT count(*) FROM customer WHERE creation_key = ?").param(key).query(Long.class).single();
    }

    private static String body(String name, String email, long creditLimitCents) {
        return """
                {"name": "%s", "email": "%s", "creditLimitCents": %d}""".formatted(name, email, creditLimitCents);
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    private static String newEmail() {
        return "customer-" + UUID.randomUUID() + "@example.com";
    }

}
