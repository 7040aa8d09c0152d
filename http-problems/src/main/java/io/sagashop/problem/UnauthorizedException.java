package io.sagashop.problem;

import org.springframework.http.HttpStatus;

/**
 * The request carries no access token, or one that does not verify: not signed by the
 * trusted issuer, expired, or meant for another audience (401). The same answer for each
 * of these, so a caller learns nothing about which check refused it; the
 * {@code WWW-Authenticate} header says more, as RFC 6750 asks.
 */
public class UnauthorizedException extends ProblemException {

    public UnauthorizedException() {
        super(HttpStatus.UNAUTHORIZED, "unauthorized", "A valid access token is required");
    }

}
