package io.sagashop.gateway.ratelimit;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import io.sagashop.problem.ProblemException;

/**
 * The caller used up its requests for now (429); {@code Retry-After} says when to try
 * again.
 */
class TooManyRequestsException extends ProblemException {

    private final long retryAfterSeconds;

    TooManyRequestsException(long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                "Too many requests; retry after " + retryAfterSeconds + " s",
                Map.of("retryAfterSeconds", retryAfterSeconds));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return headers;
    }

}
