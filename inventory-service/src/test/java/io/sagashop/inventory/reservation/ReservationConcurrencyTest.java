package io.sagashop.inventory.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.sagashop.inventory.TestProducts;
import io.sagashop.problem.ProblemTypes;
import io.sagashop.testsupport.service.ServiceApplicationTest;

/**
 * Many requests released at once over real HTTP: the database, not luck, must keep the
 * invariants.
 */
@ServiceApplicationTest
class ReservationConcurrencyTest {

    // Enough threads that every request of a test is in flight at the same time.
    private static final int THREADS = 50;

    private final RestTestClient client;

    private final JdbcClient jdbc;

    private final TestProducts products;

    @Autowired
    ReservationConcurrencyTest(RestTestClient client, JdbcClient jdbc) {
        this.client = client;
        this.jdbc = jdbc;
        this.products = new TestProducts(jdbc);
    }

    @Test
    void parallelOrdersNeverOversell() throws Exception {
        String sku = products.create("LAST-UNITS", 10);

        List<Answer> answers = inParallel(50, i -> reserve(UUID.randomUUID(), sku, 1));

        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(10);
        assertThat(answers).filteredOn(answer -> answer.status() == 422)
            .hasSize(40)
            .allSatisfy(answer -> assertThat(answer.body()).contains(ProblemTypes.of("out-of-stock").toString()));
        assertThat(products.stock(sku)).isZero();
        assertThat(jdbc.sql("""
                SELECT count(DISTINCT r.id) AS reservations, sum(l.quantity) AS units
                FROM reservation r JOIN reservation_line l ON l.reservation_id = r.id WHERE l.sku = ?""")
            .param(sku)
            .query((row, n) -> List.of(row.getInt("reservations"), row.getInt("units")))
            .single()).containsExactly(10, 10);
    }

    @Test
    void parallelRepeatsOfOneOrderReserveOnce() throws Exception {
        String sku = products.create("SAME-ORDER", 10);
        UUID orderId = UUID.randomUUID();

        List<Answer> answers = inParallel(10, i -> reserve(orderId, sku, 3));

        assertThat(answers).extracting(Answer::status).containsOnlyOnce(201).containsOnly(201, 200);
        assertThat(answers).extracting(Answer::body).containsOnly(answers.getFirst().body());
        assertThat(products.stock(sku)).isEqualTo(7);
        assertThat(jdbc.sql("SELECT count(*) FROM reservation WHERE order_id = ?")
            .param(orderId)
            .query(Integer.class)
            .single()).isOne();
    }

    @Test
    void parallelReleasesReturnStockOnce() throws Exception {
        String sku = products.create("RELEASES", 10);
        UUID orderId = UUID.randomUUID();
        reserve(orderId, sku, 4).call();

        List<Answer> answers = inParallel(10, i -> release(orderId));

        assertThat(answers).extracting(Answer::status).containsOnly(200);
        assertThat(answers).extracting(Answer::body).containsOnly(answers.getFirst().body());
        assertThat(products.stock(sku)).isEqualTo(10);
    }

    @Test
    void parallelReleasesWithoutReservationRecordOneTombstone() throws Exception {
        UUID orderId = UUID.randomUUID();

        List<Answer> answers = inParallel(10, i -> release(orderId));

        assertThat(answers).extracting(Answer::status).containsOnly(200);
        assertThat(answers).extracting(Answer::body).containsOnly(answers.getFirst().body());
        assertThat(jdbc.sql("SELECT count(*) FROM reservation WHERE order_id = ?")
            .param(orderId)
            .query(Integer.class)
            .single()).isOne();
    }

    @Test
    void reserveRacingItsReleaseNeverLeaksStock() throws Exception {
        String sku = products.create("RACE", 100);
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            orders.add(UUID.randomUUID());
        }

        // For each order, a reserve and the compensating release arrive at the same time,
        // in either order.
        List<Answer> answers = inParallel(40,
                i -> i % 2 == 0 ? reserve(orders.get(i / 2), sku, 1) : release(orders.get(i / 2)));

        // Which request of a pair lands first is the race's to decide: all releases may
        // win.
        assertThat(answers).extracting(Answer::status).isSubsetOf(201, 200, 409);
        assertThat(products.stock(sku)).isEqualTo(100);
        assertThat(jdbc.sql("SELECT count(*) FROM reservation WHERE order_id IN (:orders) AND status = 'RELEASED'")
            .param("orders", orders)
            .query(Integer.class)
            .single()).isEqualTo(20);
    }

    private Callable<Answer> reserve(UUID orderId, String sku, int quantity) {
        return () -> Answer.of(client.put()
            .uri("/api/reservations/{orderId}", orderId)
            .contentType(MediaType.APPLICATION_JSON)
            .body(ReservationApiTest.oneLine(sku, quantity))
            .exchange()
            .expectBody()
            .returnResult());
    }

    private Callable<Answer> release(UUID orderId) {
        return () -> Answer.of(client.post()
            .uri("/api/reservations/{orderId}/release", orderId)
            .exchange()
            .expectBody()
            .returnResult());
    }

    /**
     * Sends the requests from a pool of threads that all start at once, and waits for
     * every answer.
     */
    private static List<Answer> inParallel(int requests, IntFunction<Callable<Answer>> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(requests, THREADS))) {
            for (int i = 0; i < requests; i++) {
                Callable<Answer> call = request.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        }
    }

    private record Answer(int status, String body) {

        static Answer of(EntityExchangeResult<byte[]> result) {
            return new Answer(result.getStatus().value(),
                    new String(result.getResponseBodyContent(), StandardCharsets.UTF_8));
        }
    }

}
