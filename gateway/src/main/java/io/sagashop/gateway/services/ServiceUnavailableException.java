package io.sagashop.gateway.services;

import org.springframework.http.HttpStatus;

import io.sagashop.problem.ProblemException;

/**
 * A service the gateway reads from failed, timed out or could not be reached (503):
 * nothing the caller can fix, and the request may be retried.
 */
public class ServiceUnavailableException extends ProblemException {

    public ServiceUnavailableException(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", detail);
    }

}
