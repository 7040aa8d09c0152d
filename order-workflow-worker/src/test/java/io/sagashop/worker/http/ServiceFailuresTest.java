package io.sagashop.worker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How every service client turns answers and missing answers into Temporal failures, over
 * real HTTP.
 */
class ServiceFailuresTest {

    /**
     * Temporal's server warns about a retryable failure above 2 KB and replaces one above
     * 4 KB by its own.
     */
    private static final int FAILURE_SIZE_WARNING_BYTES = 2 * 1024;

    private final StubServer service = StubServer.start();

    private final ProbeClient client = StubServer.serviceClients()
        .create("probe-service", service.endpoint(), ProbeClient.class);

    @AfterEach
    void stopService() {
        service.close();
    }

    @Test
    void successfulAnswerPassesThrough() {
        service.answer("GET", "/probe", 200, "{\"ok\":true}");

        assertThat(client.probe()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void problemAnswerBecomesNonRetryableFailureTypedWithItsSlug() {
        service.answerProblem("GET", "/probe", 422, "out-of-stock", "Only 1 of COF-ESPRESSO-250 left, 2 requested");

        assertFailure(client::probe, "out-of-stock", "Only 1 of COF-ESPRESSO-250 left, 2 requested", false);
    }

    @Test
    void conflictProblemIsNonRetryableToo() {
        service.answerProblem("GET", "/probe", 409, "idempotency-conflict", "Another payload used this key");

        assertFailure(client::probe, "idempotency-conflict", "Another payload used this key", false);
    }

    @Test
    void clientErrorWithoutProblemBodyIsNonRetryableAndTypedByItsStatus() {
        service.answerRaw("GET", "/probe", 404, "text/html", "<h1>Not Found</h1>");

        assertFailure(client::probe, "http-404", "GET /probe answered 404", false);
    }

    @Test
    void serviceUnavailableBecomesRetryableFailure() {
        service.answerProblem("GET", "/probe", 503, "processor-unavailable", "The payment processor is unavailable");

        assertFailure(client::probe, "processor-unavailable", "The payment processor is unavailable", true);
    }

    @Test
    void serverErrorWithoutBodyIsRetryable() {
        service.answerRaw("GET", "/probe", 500, "text/plain", "");

        assertFailure(client::probe, "http-500", "GET /probe answered 500", true);
    }

    @Test
    void tooManyRequestsIsRetryable() {
        service.answerProblem("GET", "/probe", 429, "too-many-requests", "Slow down");

        assertFailure(client::probe, "too-many-requests", "Slow down", true);
    }

    @Test
    void serviceThatDoesNotAnswerInTimeBecomesRetryableTimeout() {
        service.answerNever("GET", "/probe");

        assertFailure(client::probe, ServiceFailures.SERVICE_TIMEOUT,
                "probe-service timed out: no answer within " + StubServer.READ_TIMEOUT.toMillis() + " ms", true);
    }

    @Test
    void unreachableServiceBecomesShortRetryableFailureNamingTheService() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ProbeClient unreachable = StubServer.serviceClients()
            .create("inventory-service", new ServicesProperties.Endpoint(URI.create("http://127.0.0.1:" + closedPort),
                    Duration.ofSeconds(1), Duration.ofSeconds(1)), ProbeClient.class);

        assertFailure(unreachable::probe, ServiceFailures.SERVICE_UNREACHABLE,
                "inventory-service unreachable: connection refused", true);
    }

    @Test
    void serviceAtAnUnknownHostBecomesRetryableFailureNamingTheHost() {
        ProbeClient misconfigured = StubServer.serviceClients()
            .create("inventory-service", new ServicesProperties.Endpoint(URI.create("http://inventory.invalid"),
                    Duration.ofSeconds(1), Duration.ofSeconds(1)), ProbeClient.class);

        assertFailure(misconfigured::probe, ServiceFailures.SERVICE_UNREACHABLE,
                "inventory-service unreachable: unknown host inventory.invalid", true);
    }

    @Test
    void refusedCompensationIsRetriedInsteadOfAbandoned() {
        service.answerProblem("GET", "/probe", 409, "illegal-transition", "CONFIRMED cannot become CANCELLED");

        assertFailure(() -> ServiceFailures.retryEvenIfRefused(client::probe), "illegal-transition",
                "CONFIRMED cannot become CANCELLED", true);
    }

    /**
     * Also that the failure stays well below the size at which Temporal would keep none
     * of it.
     */
    private static void assertFailure(ThrowingCallable call, String type, String message, boolean retryable) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
            assertThat(failure.getType()).isEqualTo(type);
            assertThat(failure.getOriginalMessage()).isEqualTo(message);
            assertThat(failure.isNonRetryable()).isEqualTo(!retryable);
            assertThat(DefaultDataConverter.STANDARD_INSTANCE.exceptionToFailure(failure).getSerializedSize())
                .as("serialized size of %s", failure)
                .isLessThan(FAILURE_SIZE_WARNING_BYTES);
        });
    }

}
