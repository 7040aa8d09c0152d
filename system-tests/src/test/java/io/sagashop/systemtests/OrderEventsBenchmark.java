package io.sagashop.systemtests;

import static io.sagashop.systemtests.shop.Customers.ALAN;
import static io.sagashop.systemtests.shop.Customers.GRACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.sagashop.launcher.stack.App;
import io.sagashop.systemtests.shop.PaymentProcessorFaults;
import io.sagashop.systemtests.shop.SagaEventStream;
import io.sagashop.systemtests.shop.ShopClient.Answer;
import io.sagashop.systemtests.shop.ShopClient.Line;

/**
 * What watching orders costs the gateway and Temporal: the Temporal calls per second of
 * watched orders that wait for an approval (nothing in flight) and of watched orders
 * whose payment keeps being retried (an activity in flight), read from the gateway's own
 * client metrics. Not part of the build (its name is no test's); run it with
 * {@code ./mvnw -B -ntp verify -pl system-tests -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=OrderEventsBenchmark}.
 */
class OrderEventsBenchmark extends SagaShopStoryTest {

    private static final int WAITING = 100;

    private static final int RETRYING = 10;

    private static final Duration WINDOW = Duration.ofSeconds(40);

    private static final Duration SETTLE = Duration.ofSeconds(25);

    private static final Pattern SAMPLE = Pattern
        .compile("^(temporal_(?:long_)?request_total)\\{[^}]*operation=\"([A-Za-z]+)\"[^}]*} ([0-9.Ee+-]+)$");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void watchedOrdersCost() throws Exception {
        restock("HIKE-POLES-CARBON", 2 * WAITING * 10);
        restock("COF-ESPRESSO-250", 2 * RETRYING);
        // Warm-up: the gateway's and the worker's JVMs follow a few whole sagas first.
        for (int i = 0; i < 5; i++) {
            UUID orderId = place(GRACE, List.of(new Line("COF-ESPRESSO-250", 1)), "tok_flaky");
            try (SagaEventStream stream = SagaEventStream.open(shop.shopper(GRACE), system.gateway(), orderId, null)) {
                stream.awaitEnd(Duration.ofSeconds(60));
            }
        }

        List<UUID> waiting = new ArrayList<>();
        for (int i = 0; i < WAITING; i++) {
            waiting.add(place(i % 2 == 0 ? GRACE : ALAN, List.of(new Line("HIKE-POLES-CARBON", 10)), "tok_visa"));
        }
        await().atMost(Duration.ofSeconds(120))
            .until(() -> waiting.stream()
                .allMatch(orderId -> runs.scheduledActivities(orderId).contains("AwaitApproval")));
        List<SagaEventStream> streams = new ArrayList<>();
        for (int i = 0; i < WAITING; i++) {
            streams.add(SagaEventStream.open(shop.shopper(i % 2 == 0 ? GRACE : ALAN), system.gateway(), waiting.get(i),
                    null));
            Thread.sleep(40);
        }
        // Past the streams' first reads: what a watched order costs while it waits.
        Thread.sleep(SETTLE.toMillis());
        measure("orders waiting for approval", WAITING);
        streams.forEach(SagaEventStream::close);
        Thread.sleep(20_000);
        measure("no order watched", 0);

        PaymentProcessorFaults faults = new PaymentProcessorFaults(system.app(App.PAYMENT).baseUri(),
                system::operatorToken);
        faults.failNextCalls(1_000);
        try {
            List<SagaEventStream> retrying = new ArrayList<>();
            for (int i = 0; i < RETRYING; i++) {
                UUID orderId = place(GRACE, List.of(new Line("COF-ESPRESSO-250", 1)), "tok_visa");
                retrying.add(SagaEventStream.open(shop.shopper(GRACE), system.gateway(), orderId, null));
            }
            Thread.sleep(SETTLE.toMillis());
            measure("orders retrying their payment", RETRYING);
            retrying.forEach(SagaEventStream::close);
        }
        finally {
            faults.clear();
        }
        for (UUID orderId : waiting) {
            shop.approve(orderId);
        }
    }

    private void measure(String what, int orders) throws InterruptedException {
        Map<String, Double> before = temporalCalls();
        long start = System.nanoTime();
        Thread.sleep(WINDOW.toMillis());
        Map<String, Double> after = temporalCalls();
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> perSecond = new TreeMap<>();
        after.forEach((operation, count) -> {
            double rate = (count - before.getOrDefault(operation, 0.0)) / seconds;
            if (rate > 0.005) {
                perSecond.put(operation, rate);
            }
        });
        double total = perSecond.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf("%d %s: %.2f Temporal calls/s from the gateway (%.3f per order): %s%n", orders, what, total,
                orders == 0 ? 0 : total / orders, perSecond);
    }

    /**
     * The gateway's Temporal calls so far, by operation, from its Prometheus endpoint.
     */
    private Map<String, Double> temporalCalls() {
        Map<String, Double> calls = new TreeMap<>();
        for (String line : get(system.gateway().resolve("/actuator/prometheus")).split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches()) {
                calls.merge(sample.group(2), Double.parseDouble(sample.group(3)), Double::sum);
            }
        }
        assertThat(calls).as("temporal_request_total in the gateway's metrics").isNotEmpty();
        return calls;
    }

    private void restock(String sku, int quantity) {
        URI uri = system.app(App.INVENTORY).baseUri().resolve("/api/products/" + sku + "/restocks");
        send(HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + system.operatorToken())
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"quantity\":" + quantity + "}")));
    }

    private UUID place(UUID customerId, List<Line> lines, String paymentToken) {
        Answer answer = shop.placeOrder(customerId, UUID.randomUUID().toString(), lines, paymentToken);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
        return UUID.fromString(answer.text("orderId"));
    }

    private String get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
            return response.body();
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
