package io.sagashop.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server standing in for a service behind a route: it answers every request with a small JSON body
 * naming itself and remembers what it received.
 */
public final class StubService {

    /** What reached the service. */
    public record Received(String method, String pathAndQuery, String customerId) {
    }

    private final String name;
    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    private StubService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("X-Customer-Id")));
            byte[] body = ("{\"service\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
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

    /** Forgets what arrived so far, so a test sees only its own requests. */
    public void clear() {
        received.clear();
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
}
