package io.sagashop.problem;

import org.springframework.http.HttpStatus;

/**
 * The access token verifies, but its scopes and roles do not allow this call (403): a
 * shopper's token on a saga write, the worker's on an operator's endpoint.
 */
public class ForbiddenException extends ProblemException {

    public ForbiddenException() {
        super(HttpStatus.FORBIDDEN, "forbidden", "The access token does not allow this call");
    }

}
