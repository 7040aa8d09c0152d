package io.sagashop.gateway.problem;

import java.util.Map;

import org.springframework.http.HttpStatus;

import io.sagashop.problem.ProblemException;

/** The request body is over the configured limit (413 {@code request-too-large}). */
class RequestTooLargeException extends ProblemException {

    RequestTooLargeException(long limitBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE, "request-too-large",
                "Request body exceeds the limit of " + limitBytes + " bytes", Map.of("limitBytes", limitBytes));
    }

}
