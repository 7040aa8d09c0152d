package io.sagashop.systemtests.shop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a shopper's browser or an operator's console sends to the gateway, over plain
 * HTTP.
 */
public final class ShopClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI gateway;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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
        HttpRequest.Builder request = request("/api/orders", customerId)
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    public Answer saga(UUID customerId, UUID orderId) {
        return send(request("/api/orders/" + orderId + "/saga", customerId).GET().build());
    }

    public Answer order(UUID customerId, UUID orderId) {
        return send(request("/api/orders/" + orderId, customerId).GET().build());
    }

    public Answer product(String sku) {
        return send(HttpRequest.newBuilder(gateway.resolve("/api/products/" + sku))
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build());
    }

    public Answer cancel(UUID customerId, UUID orderId, String reason) {
        return send(request("/api/orders/" + orderId + "/cancel", customerId)
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("reason", reason))))
            .build());
    }

    public Answer approve(UUID orderId, String operator) {
        return send(HttpRequest.newBuilder(gateway.resolve("/api/operator/orders/" + orderId + "/approve"))
            .header("Content-Type", "application/json")
            .header("X-Operator", operator)
            .POST(HttpRequest.BodyPublishers.ofString("{\"comment\":\"Checked with the customer\"}"))
            .build());
    }

    private HttpRequest.Builder request(String path, UUID customerId) {
        return HttpRequest.newBuilder(gateway.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("X-Customer-Id", customerId.toString());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body, response);
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
