package io.sagashop.systemtests.shop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Supplier;

/**
 * The payment service's operator switch for demos: make the simulated card processor fail
 * on purpose. Only an operator's token opens it.
 */
public final class PaymentProcessorFaults {

    private final URI faults;

    private final Supplier<String> operatorToken;

    private final HttpClient http = HttpClient.newHttpClient();

    public PaymentProcessorFaults(URI paymentService, Supplier<String> operatorToken) {
        this.faults = paymentService.resolve("/api/operator/processor-faults");
        this.operatorToken = operatorToken;
    }

    public void failNextCalls(int calls) {
        send(HttpRequest.newBuilder(faults)
            .header("Authorization", "Bearer " + operatorToken.get())
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"failNextCalls\":" + calls + ",\"latencyMillis\":0}"))
            .build(), 200);
    }

    public void clear() {
        send(HttpRequest.newBuilder(faults).header("Authorization", "Bearer " + operatorToken.get()).DELETE().build(),
                204);
    }

    private void send(HttpRequest request, int expectedStatus) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(request.method() + " " + faults + " answered " + response.statusCode()
                        + ": " + response.body());
            }
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
