package io.sagashop.systemtests.shop;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a shopper's browser or an operator's console sends to the gateway, over plain
 * HTTP: each demo account signed in once through the real sign-in flow
 * ({@link BrowserSession}), its calls made with its session cookie and CSRF token.
 */
public final class ShopClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI gateway;

    private final Map<String, BrowserSession> sessions = new ConcurrentHashMap<>();

    public ShopClient(URI gateway) {
        this.gateway = gateway;
    }

    public record Line(String sku, int quantity) {
    }

    public record Answer(int status, JsonNode body, HttpResponse<String> response) {

        public String text(String field) {
            return body.path(field).asString();
        }
    }

    public Answer placeOrder(UUID customerId, String idempotencyKey, List<Line> lines, String paymentToken) {
        return placeOrder(customerId, idempotencyKey, Map.of("lines", lines, "paymentToken", paymentToken));
    }

    public Answer placeOrder(UUID customerId, String idempotencyKey, Object body) {
        HttpRequest.Builder request = request("/api/orders")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(shopper(customerId), request);
    }

    public Answer saga(UUID customerId, UUID orderId) {
        return send(shopper(customerId), request("/api/orders/" + orderId + "/saga").GET());
    }

    public Answer order(UUID customerId, UUID orderId) {
        return send(shopper(customerId), request("/api/orders/" + orderId).GET());
    }

    /** A product, as a signed-in shopper browsing the catalog reads it. */
    public Answer product(String sku) {
        return send(shopper(Customers.ADA), request("/api/products/" + sku).GET());
    }

    public Answer cancel(UUID customerId, UUID orderId, String reason) {
        return send(shopper(customerId), request("/api/orders/" + orderId + "/cancel")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("reason", reason)))));
    }

    /** The demo operator approves an order waiting for approval. */
    public Answer approve(UUID orderId) {
        return send(operator(), request("/api/operator/orders/" + orderId + "/approve")
            .POST(HttpRequest.BodyPublishers.ofString("{\"comment\":\"Checked with the customer\"}")));
    }

    /** The demo operator rejects an order waiting for approval. */
    public Answer reject(UUID orderId) {
        return send(operator(), request("/api/operator/orders/" + orderId + "/reject")
            .POST(HttpRequest.BodyPublishers.ofString("{\"comment\":\"Could not reach the customer\"}")));
    }

    /**
     * The operator's order list, as Temporal's visibility shows it.
     * @param query the query string, such as {@code ?status=CONFIRMED}
     */
    public Answer operatorOrders(String query) {
        return send(operator(), request("/api/operator/orders" + query).GET());
    }

    /** A shopper trying the operator's order list. */
    public Answer operatorOrdersAs(UUID shopper, String query) {
        return send(shopper(shopper), request("/api/operator/orders" + query).GET());
    }

    /** The demo operator adds delivered units to a product's stock. */
    public Answer restock(String sku, String idempotencyKey, int quantity) {
        return send(operator(),
                request("/api/operator/products/" + sku + "/restocks").header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"quantity\":" + quantity + "}")));
    }

    /** The demo operator makes the simulated card processor fail the next charges. */
    public Answer setProcessorFaults(int failNextCalls, int latencyMillis) {
        return send(operator(), request("/api/operator/processor-faults").PUT(HttpRequest.BodyPublishers
            .ofString("{\"failNextCalls\":" + failNextCalls + ",\"latencyMillis\":" + latencyMillis + "}")));
    }

    public Answer processorFaults() {
        return send(operator(), request("/api/operator/processor-faults").GET());
    }

    public Answer clearProcessorFaults() {
        return send(operator(), request("/api/operator/processor-faults").DELETE());
    }

    /**
     * A shopper's notifications list for {@code customerId} (their own, or someone
     * else's).
     */
    public Answer notifications(UUID shopper, UUID customerId) {
        return send(shopper(shopper), request("/api/notifications?customerId=" + customerId + "&size=100").GET());
    }

    /** The signed-in browser of a demo shopper, signed in on first use. */
    public BrowserSession shopper(UUID customerId) {
        return session(Customers.email(customerId));
    }

    public BrowserSession operator() {
        return session(Customers.OPERATOR_EMAIL);
    }

    private BrowserSession session(String email) {
        return sessions.computeIfAbsent(email, account -> BrowserSession.signIn(gateway, account, Customers.PASSWORD));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(gateway.resolve(path)).header("Content-Type", "application/json");
    }

    private static Answer send(BrowserSession session, HttpRequest.Builder request) {
        HttpResponse<String> response = session.send(request);
        JsonNode body = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), body, response);
    }

}
