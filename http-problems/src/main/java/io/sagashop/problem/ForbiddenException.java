package io.sagashop.problem;

import org.springframework.http.HttpStatus;

/**
 * The caller is known, but its token's scopes and roles do not allow this call (403): a
 * shopper's token on a saga write or an operator's endpoint, the worker's on an
 * operator's endpoint.
 */
public class ForbiddenException extends ProblemException {

    public static final String DETAIL = "The access token does not allow this call";

    public ForbiddenException() {
        this(DETAIL);
    }

    public ForbiddenException(String detail) {
        super(HttpStatus.FORBIDDEN, "forbidden", detail);
    }

}
