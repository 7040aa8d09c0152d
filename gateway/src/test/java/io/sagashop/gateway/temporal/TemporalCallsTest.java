package io.sagashop.gateway.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import reactor.core.publisher.Hooks;

class TemporalCallsTest {

    private final TemporalCalls calls = new TemporalCalls(
            new TemporalProperties("localhost:7233", "default", URI.create("http://ui"), Duration.ofMillis(200)));

    private final List<Throwable> dropped = new CopyOnWriteArrayList<>();

    @BeforeEach
    void collectDroppedErrors() {
        Hooks.onErrorDropped(dropped::add);
    }

    @AfterEach
    void resetHooks() {
        Hooks.resetOnErrorDropped();
    }

    @Test
    void answersWithTheResultOfTheCall() {
        assertThat(calls.call("answer", () -> 42).block()).isEqualTo(42);
    }

    @Test
    void aCallThatTakesTooLongIsA503AndItsLateFailureIsNotReportedTwice() throws Exception {
        CountDownLatch failedLate = new CountDownLatch(1);

        assertThatThrownBy(() -> calls.call("query the saga", () -> {
            try {
                Thread.sleep(500);
                throw Status.DEADLINE_EXCEEDED.asRuntimeException();
            }
            finally {
                failedLate.countDown();
            }
        }).block()).isInstanceOf(TemporalUnavailableException.class)
            .hasMessage("Temporal did not answer within 200 ms when asked to query the saga");

        assertThat(failedLate.await(2, TimeUnit.SECONDS)).isTrue();
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(dropped::isEmpty);
    }

    @Test
    void anUnreachableServerIsA503() {
        assertThatThrownBy(() -> calls.call("start the workflow", () -> {
            throw new IllegalStateException("wrapped", Status.UNAVAILABLE.asRuntimeException());
        }).block()).isInstanceOf(TemporalUnavailableException.class)
            .hasMessage("Temporal is unavailable; could not start the workflow");
    }

    @Test
    void otherFailuresPassThrough() {
        assertThatThrownBy(() -> calls.call("describe", () -> {
            throw new IllegalArgumentException("boom");
        }).block()).isInstanceOf(IllegalArgumentException.class);
    }

}
