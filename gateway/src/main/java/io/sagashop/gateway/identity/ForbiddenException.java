package io.sagashop.gateway.identity;

import org.springframework.http.HttpStatus;

import io.sagashop.problem.ProblemException;

/** The caller is known but may not make this call (403). */
public class ForbiddenException extends ProblemException {

    public static final String DETAIL = "The access token does not allow this call";

    public ForbiddenException() {
        this(DETAIL);
    }

    public ForbiddenException(String detail) {
        super(HttpStatus.FORBIDDEN, "forbidden", detail);
    }

}
