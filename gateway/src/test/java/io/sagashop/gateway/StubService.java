package io.sagashop.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server standing in for a service behind the gateway: it remembers what it
 * received and answers a path with what a test scripted for it, or else with a small JSON
 * body naming itself.
 */
public final class StubService {

    /**
     * What reached the service.
     *
     * @param authorization the {@code Authorization} header, null when there was none
     * @param cookie the {@code Cookie} header, null when there was none
     */
    public record Received(String method, String pathAndQuery, String authorization, String cookie) {
    }

    private record Answer(int status, String contentType, String body) {
    }

    private final String name;

    private final HttpServer server;

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    private volatile Duration delay = Duration.ZERO;

    private StubService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/", this::answer);
        // One thread per request: a delayed answer must not hold up the next test's
        // requests.
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public static StubService start(String name) {
        return new StubService(name);
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Answers requests for the path (whatever their query) with this JSON. */
    public void answer(String path, int status, String json) {
        answers.put(path, new Answer(status, status >= 400 ? "application/problem+json" : "application/json", json));
    }

    /** Answers every request only after this long. */
    public void delay(Duration delay) {
        this.delay = delay;
    }

    /**
     * Forgets what arrived so far and what was scripted, so a test sees only its own
     * requests and answers.
     */
    public void clear() {
        received.clear();
        answers.clear();
        delay = Duration.ZERO;
    }

    public Received nextRequest() throws InterruptedException {
        Received next = received.poll(5, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("No request reached the " + name + " service");
        }
        return next;
    }

    public boolean receivedNothing() {
        return received.isEmpty();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Cookie")));
            Answer answer = answers.getOrDefault(exchange.getRequestURI().getPath(),
                    new Answer(200, "application/json", "{\"service\":\"" + name + "\"}"));
            Thread.sleep(delay);
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
