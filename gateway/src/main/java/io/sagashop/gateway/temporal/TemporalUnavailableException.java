package io.sagashop.gateway.temporal;

import org.springframework.http.HttpStatus;

import io.sagashop.problem.ProblemException;

/**
 * Temporal did not answer in time or could not be reached (503); the request may be
 * retried.
 */
class TemporalUnavailableException extends ProblemException {

    TemporalUnavailableException(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "workflow-service-unavailable", detail);
    }

}
