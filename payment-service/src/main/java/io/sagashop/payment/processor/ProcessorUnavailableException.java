package io.sagashop.payment.processor;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import io.sagashop.problem.ProblemException;

/**
 * The processor could not handle the charge; nothing was charged and nothing recorded, so
 * the caller may retry the same request after {@link #retryAfter()}.
 */
public class ProcessorUnavailableException extends ProblemException {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    ProcessorUnavailableException(UUID orderId, String reason) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "processor-unavailable",
                "The card processor is unavailable (" + reason + "); retry the charge later",
                Map.of("orderId", orderId, "retryAfterSeconds", RETRY_AFTER.toSeconds()));
    }

    public Duration retryAfter() {
        return RETRY_AFTER;
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()));
        return headers;
    }

}
