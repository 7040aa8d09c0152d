package io.sagashop.gateway.temporal;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs the Temporal SDK's blocking calls off the Netty event loop, bounded by the
 * configured timeout. Every gateway call to Temporal goes through here, so none can stall
 * the threads that serve all other requests.
 */
@Component
public class TemporalCalls {

    private static final Logger log = LoggerFactory.getLogger(TemporalCalls.class);

    private static final Set<Status.Code> UNAVAILABLE = EnumSet.of(Status.Code.UNAVAILABLE,
            Status.Code.DEADLINE_EXCEEDED);

    private final Duration timeout;

    TemporalCalls(TemporalProperties temporal) {
        this.timeout = temporal.callTimeout();
    }

    /**
     * @param what what the call does, for the 503 detail ("start the order's workflow")
     */
    public <T> Mono<T> call(String what, Callable<T> call) {
        AtomicBoolean abandoned = new AtomicBoolean();
        return Mono.fromCallable(() -> {
            try {
                return call.call();
            }
            catch (Exception ex) {
                if (!abandoned.get()) {
                    throw ex;
                }
                // The caller already has its 503; the SDK gave up too, later. Nothing is
                // waiting for this.
                log.debug("Temporal call to {} failed after the caller stopped waiting: {}", what, ex.toString());
                return null;
            }
        })
            .subscribeOn(Schedulers.boundedElastic())
            .doOnCancel(() -> abandoned.set(true))
            .timeout(timeout)
            .onErrorMap(TimeoutException.class,
                    ex -> new TemporalUnavailableException(
                            "Temporal did not answer within " + timeout.toMillis() + " ms when asked to " + what))
            .onErrorMap(TemporalCalls::isUnavailable,
                    ex -> new TemporalUnavailableException("Temporal is unavailable; could not " + what));
    }

    private static boolean isUnavailable(Throwable ex) {
        for (Throwable current = ex; current != null; current = current.getCause()) {
            if (current instanceof StatusRuntimeException grpc && UNAVAILABLE.contains(grpc.getStatus().getCode())) {
                return true;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return false;
    }

}
