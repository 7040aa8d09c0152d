package io.sagashop.support.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import io.sagashop.problem.IdempotencyConflictException;
import io.sagashop.testsupport.postgres.DatabaseLogin;
import io.sagashop.testsupport.postgres.TestPostgres;

/**
 * {@link IdempotentWrites} against real PostgreSQL, on a write shaped like a reservation:
 * it takes a unit of stock, then inserts the row that claims its key.
 */
class IdempotentWritesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static final int STOCK = 1_000;

    private static DataSource dataSource;

    private final JdbcClient jdbc = JdbcClient.create(dataSource);

    private final DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dataSource);

    private final IdempotentWrites writes = new IdempotentWrites(transactionManager);

    @BeforeAll
    static void createTables() {
        DatabaseLogin login = TestPostgres.shared().createDatabase("idempotent_writes");
        dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), login.jdbcUrl(), login.username(),
                login.password());
        JdbcClient.create(dataSource).sql("""
                CREATE TABLE stock (sku varchar(32) PRIMARY KEY, units integer NOT NULL CHECK (units >= 0));
                CREATE TABLE claim (
                    id          uuid         PRIMARY KEY,
                    claim_key   varchar(100) NOT NULL CONSTRAINT claim_key_unique UNIQUE,
                    sku         varchar(32)  NOT NULL REFERENCES stock (sku),
                    units_after integer      NOT NULL,
                    CONSTRAINT claim_key_not_blank CHECK (btrim(claim_key) <> ''))""").update();
    }

    @Test
    void firstRequestWritesAndARepeatReturnsWhatItWrote() {
        String sku = newProduct();
        String key = newKey();

        Written<Claim> first = writes.firstWrite(() -> earlier(key, sku), () -> take(key, sku));
        Written<Claim> repeat = writes.firstWrite(() -> earlier(key, sku), () -> take(key, sku));

        assertThat(first.created()).isTrue();
        assertThat(repeat.created()).isFalse();
        assertThat(repeat.value()).isEqualTo(first.value());
        assertThat(first.toResponse("/api/claims/{key}", key).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(repeat.toResponse("/api/claims/{key}", key).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(claimsWith(key)).isEqualTo(1);
        assertThat(unitsOf(sku)).isEqualTo(STOCK - 1);
    }

    @Test
    void concurrentDuplicatesWriteOnceAndBothAnswerTheWinnersRow() throws Exception {
        String sku = newProduct();
        String key = newKey();
        CountDownLatch winnerWrote = new CountDownLatch(1);
        CountDownLatch commitWinner = new CountDownLatch(1);

        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<Written<Claim>> winner = pool.submit(() -> writes.firstWrite(() -> earlier(key, sku), () -> {
                Claim claim = take(key, sku);
                winnerWrote.countDown();
                awaitQuietly(commitWinner);
                return claim;
            }));
            assertThat(winnerWrote.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            // The winner has written but not committed: the loser finds nothing and
            // writes too, until PostgreSQL makes it wait for the winner's locks.
            Future<Written<Claim>> loser = pool
                .submit(() -> writes.firstWrite(() -> earlier(key, sku), () -> take(key, sku)));
            await().atMost(PATIENCE).until(() -> sessionsWaitingForALock() == 1);
            commitWinner.countDown();

            Written<Claim> won = winner.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            Written<Claim> lost = loser.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

            assertThat(won.created()).isTrue();
            assertThat(lost.created()).isFalse();
            assertThat(lost.value()).isEqualTo(won.value());
            ResponseEntity<Claim> first = won.toResponse("/api/claims/{key}", key);
            ResponseEntity<Claim> second = lost.toResponse("/api/claims/{key}", key);
            assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(first.getHeaders().getLocation()).hasToString("/api/claims/" + key);
            assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(second.getBody()).isEqualTo(first.getBody());
        }
        assertThat(claimsWith(key)).isEqualTo(1);
        // The loser took a unit too before it lost; its rollback gave it back.
        assertThat(unitsOf(sku)).isEqualTo(STOCK - 1);
    }

    @Test
    void manyParallelDuplicatesWriteOnce() throws Exception {
        String sku = newProduct();
        String key = newKey();
        int callers = 10;
        CountDownLatch start = new CountDownLatch(1);
        List<Written<Claim>> results = new ArrayList<>();

        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            List<Future<Written<Claim>>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return writes.firstWrite(() -> earlier(key, sku), () -> take(key, sku));
                }));
            }
            start.countDown();
            for (Future<Written<Claim>> answer : answers) {
                results.add(answer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
            }
        }

        assertThat(results).filteredOn(Written::created).hasSize(1);
        assertThat(results).extracting(Written::value).containsOnly(results.getFirst().value());
        assertThat(claimsWith(key)).isEqualTo(1);
        assertThat(unitsOf(sku)).isEqualTo(STOCK - 1);
    }

    @Test
    void aRepeatThatEarlierRefusesChangesNothing() {
        String sku = newProduct();
        String otherSku = newProduct();
        String key = newKey();
        writes.firstWrite(() -> earlier(key, sku), () -> take(key, sku));

        assertThatThrownBy(() -> writes.firstWrite(() -> earlier(key, otherSku), () -> take(key, otherSku)))
            .isInstanceOf(IdempotencyConflictException.class);
        assertThat(unitsOf(otherSku)).isEqualTo(STOCK);
    }

    @Test
    void aViolationThatNoEarlierWriteExplainsIsRethrownAndRolledBack() {
        String sku = newProduct();
        String blankKey = " ";

        assertThatThrownBy(() -> writes.firstWrite(() -> earlier(blankKey, sku), () -> take(blankKey, sku)))
            .isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageContaining("claim_key_not_blank");
        assertThat(unitsOf(sku)).isEqualTo(STOCK);
    }

    @Test
    void refusesToRunInsideACallersTransaction() {
        String sku = newProduct();
        String key = newKey();

        assertThatThrownBy(() -> new TransactionTemplate(transactionManager)
            .executeWithoutResult(status -> writes.firstWrite(() -> earlier(key, sku), () -> take(key, sku))))
            .isInstanceOf(IllegalStateException.class);
        assertThat(claimsWith(key)).isZero();
    }

    /**
     * What a reservation's repeat reads: the claim of its key, if it asked for the same.
     */
    private Optional<Claim> earlier(String key, String sku) {
        return jdbc.sql("SELECT id, sku, units_after FROM claim WHERE claim_key = ?")
            .param(key)
            .query((row, n) -> new Claim(row.getObject("id", UUID.class), row.getString("sku"),
                    row.getInt("units_after")))
            .optional()
            .map(claim -> {
                if (!claim.sku().equals(sku)) {
                    throw new IdempotencyConflictException(key);
                }
                return claim;
            });
    }

    /** Takes a unit of stock, then claims the key. */
    private Claim take(String key, String sku) {
        int unitsAfter = jdbc.sql("UPDATE stock SET units = units - 1 WHERE sku = ? RETURNING units")
            .param(sku)
            .query(Integer.class)
            .single();
        Claim claim = new Claim(UUID.randomUUID(), sku, unitsAfter);
        jdbc.sql("INSERT INTO claim (id, claim_key, sku, units_after) VALUES (?, ?, ?, ?)")
            .params(claim.id(), key, sku, unitsAfter)
            .update();
        return claim;
    }

    private String newProduct() {
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        jdbc.sql("INSERT INTO stock (sku, units) VALUES (?, ?)").params(sku, STOCK).update();
        return sku;
    }

    private long claimsWith(String key) {
        return jdbc.sql("SELECT count(*) FROM claim WHERE claim_key = ?").param(key).query(Long.class).single();
    }

    private int unitsOf(String sku) {
        return jdbc.sql("SELECT units FROM stock WHERE sku = ?").param(sku).query(Integer.class).single();
    }

    private long sessionsWaitingForALock() {
        return jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock'""").query(Long.class).single();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("The test never released the winner");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    record Claim(UUID id, String sku, int unitsAfter) {
    }

}
