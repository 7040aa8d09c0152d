package io.sagashop.worker.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import io.sagashop.testsupport.security.TestIssuer;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real local HTTP server standing in for the services: canned answers per method and
 * path, and the requests it received, so the clients are tested down to the bytes on the
 * wire.
 */
public final class StubServer implements AutoCloseable {

    public static final Duration READ_TIMEOUT = Duration.ofMillis(500);

    private final HttpServer server;

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    private final CountDownLatch closing = new CountDownLatch(1);

    private StubServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static StubServer start() {
        return new StubServer();
    }

    public StubServer answer(String method, String path, int status, String json) {
        answers.put(method + " " + path, new Answer(status, "application/json", json, false));
        return this;
    }

    public StubServer answerProblem(String method, String path, int status, String slug, String detail) {
        String problem = """
                {"type":"urn:sagashop:problem:%s","title":"%s","status":%d,"detail":"%s","instance":"%s"}"""
            .formatted(slug, slug, status, detail, path);
        answers.put(method + " " + path, new Answer(status, "application/problem+json", problem, false));
        return this;
    }

    public StubServer answerRaw(String method, String path, int status, String contentType, String body) {
        answers.put(method + " " + path, new Answer(status, contentType, body, false));
        return this;
    }

    /** Answers only when the server closes: longer than any client waits. */
    public StubServer answerNever(String method, String path) {
        answers.put(method + " " + path, new Answer(200, "application/json", "{}", true));
        return this;
    }

    public ServicesProperties.Endpoint endpoint() {
        return new ServicesProperties.Endpoint(baseUrl(), Duration.ofSeconds(1), READ_TIMEOUT);
    }

    /** Every service at this one server, as the activities' configuration. */
    public ServicesProperties asEveryService() {
        ServicesProperties.Endpoint endpoint = endpoint();
        return new ServicesProperties(endpoint, endpoint, endpoint, endpoint, endpoint);
    }

    /** The clients as the worker builds them, with tokens from the test issuer. */
    public static ServiceClients serviceClients() {
        return new ServiceClients(RestClient.builder(), testIssuerCredentials(), JsonMapper.shared());
    }

    /**
     * The worker's client-credentials registration, pointed at
     * {@link TestIssuer#shared()}'s token endpoint.
     */
    public static ServiceCredentials testIssuerCredentials() {
        return credentialsFrom(TestIssuer.shared().tokenUri());
    }

    /** The worker's client-credentials registration with this token endpoint. */
    public static ServiceCredentials credentialsFrom(String tokenUri) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(ServiceCredentials.REGISTRATION_ID)
            .clientId(TestIssuer.WORKER_CLIENT)
            .clientSecret("test-secret")
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .scope("saga")
            .tokenUri(tokenUri)
            .build();
        ClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
        return new ServiceCredentials(registrations, new InMemoryOAuth2AuthorizedClientService(registrations));
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public RecordedRequest onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("Expected one request but got " + requests);
        }
        return requests.getFirst();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new RecordedRequest(method, path, exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            Answer answer = answers.getOrDefault(method + " " + path,
                    new Answer(404, "text/plain", "no stub for " + method + " " + path, false));
            if (answer.never()) {
                closing.await(30, TimeUnit.SECONDS);
                return;
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public record RecordedRequest(String method, String path, String contentType, String authorization, String body) {
    }

    private record Answer(int status, String contentType, String body, boolean never) {
    }

}
