package io.sagashop.systemtests.shop;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An order's live saga events as a browser's {@code EventSource} reads them: through the
 * gateway with the session cookie, each event stamped with when it arrived.
 */
public final class SagaEventStream implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Event> events = new CopyOnWriteArrayList<>();

    private final CountDownLatch ended = new CountDownLatch(1);

    private final int status;

    private final Stream<String> lines;

    /**
     * @param receivedAt when the event's last line arrived
     */
    public record Event(String id, JsonNode data, Instant receivedAt) {

        public String kind() {
            return data.path("kind").asString();
        }

        public String step() {
            return data.path("step").isNull() ? null : data.path("step").asString(null);
        }

        public int attempt() {
            return data.path("attempt").asInt(0);
        }

        public JsonNode saga() {
            return data.path("saga");
        }

        /**
         * The kind and what it is about, e.g. {@code ATTEMPT_FAILED CHARGE_PAYMENT 2}.
         */
        public String text() {
            String step = step();
            return step == null ? kind() : kind() + " " + step + " " + attempt();
        }

    }

    private SagaEventStream(HttpResponse<Stream<String>> response) {
        this.status = response.statusCode();
        this.lines = response.body();
        Thread.ofVirtual().name("saga-events").start(this::read);
    }

    /**
     * @param lastEventId null for a new stream
     */
    public static SagaEventStream open(BrowserSession session, URI gateway, UUID orderId, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve("/api/orders/" + orderId + "/events"))
            .header("Accept", "text/event-stream")
            .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return new SagaEventStream(session.stream(request));
    }

    public int status() {
        return status;
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    /** Every event, once the gateway has ended the stream. */
    public List<Event> awaitEnd(Duration timeout) {
        try {
            if (!ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("The stream did not end within " + timeout + "; events: " + texts());
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        return events();
    }

    public List<String> texts() {
        return events.stream().map(Event::text).toList();
    }

    @Override
    public void close() {
        lines.close();
    }

    private void read() {
        String id = null;
        StringBuilder data = new StringBuilder();
        try {
            for (Iterator<String> it = lines.iterator(); it.hasNext();) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, JSON.readTree(data.toString()), Instant.now()));
                    }
                    data.setLength(0);
                }
                else if (line.startsWith("id:")) {
                    id = value(line);
                }
                else if (line.startsWith("data:")) {
                    data.append(value(line));
                }
            }
        }
        catch (RuntimeException closed) {
            // The test closed the stream, as a browser leaving the page does.
        }
        finally {
            ended.countDown();
        }
    }

    private static String value(String line) {
        String value = line.substring(line.indexOf(':') + 1);
        return value.startsWith(" ") ? value.substring(1) : value;
    }

}
