package io.sagashop.gateway.identity;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import io.sagashop.problem.ProblemException;

/**
 * No valid access token and no signed-in session (401), with the {@code WWW-Authenticate}
 * challenge that tells an API client how to authenticate.
 */
public class UnauthenticatedException extends ProblemException {

    public static final String DETAIL = "A valid access token is required";

    private static final String BEARER = "Bearer";

    private final String challenge;

    public UnauthenticatedException() {
        this(DETAIL, BEARER);
    }

    /**
     * @param challenge the {@code WWW-Authenticate} value, as RFC 6750 words it
     * ({@code Bearer error="invalid_token", ...})
     */
    public UnauthenticatedException(String detail, String challenge) {
        super(HttpStatus.UNAUTHORIZED, "unauthorized", detail);
        this.challenge = challenge;
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return headers;
    }

}
