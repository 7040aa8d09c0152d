package io.sagashop.problem;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * The idempotency key was already used for a request with a different payload (409).
 * Repeating the same request is fine and returns the first result; reusing a key for
 * something else is a client bug.
 */
public class IdempotencyConflictException extends ProblemException {

    public IdempotencyConflictException(String key) {
        super(HttpStatus.CONFLICT, "idempotency-conflict",
                "Key " + key + " was already used for a request with a different payload", Map.of("key", key));
    }

}
