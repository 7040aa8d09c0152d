package io.sagashop.gateway.order;

import java.util.Map;

import org.springframework.http.HttpStatus;

import io.sagashop.gateway.problem.ProblemException;

/**
 * The idempotency key already placed a different order (409). Repeating the same request is fine and answers
 * the first result; reusing a key for another order is a client bug.
 */
class IdempotencyConflictException extends ProblemException {

    IdempotencyConflictException(String key) {
        super(HttpStatus.CONFLICT, "idempotency-conflict",
                "Key " + key + " was already used for a request with a different payload", Map.of("key", key));
    }
}
