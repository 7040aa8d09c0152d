package io.sagashop.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The request carries no access token, or one that does not verify: not signed by the
 * trusted issuer, expired, or meant for another audience (401). The same answer for each
 * of these, so a caller learns nothing about which check refused it; the
 * {@code WWW-Authenticate} header says more, as RFC 6750 asks.
 */
public class UnauthorizedException extends ProblemException {

    public static final String DETAIL = "A valid access token is required";

    private final String challenge;

    /** Without a challenge of its own: the caller's framework writes that header. */
    public UnauthorizedException() {
        this(DETAIL, null);
    }

    /**
     * @param challenge the {@code WWW-Authenticate} value, as RFC 6750 words it
     * ({@code Bearer error="invalid_token", ...})
     */
    public UnauthorizedException(String detail, String challenge) {
        super(HttpStatus.UNAUTHORIZED, "unauthorized", detail);
        this.challenge = challenge;
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = super.headers();
        if (challenge != null) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        return headers;
    }

}
