package io.sagashop.problem;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * The request body is over the configured limit (413). Raised by the servlet services'
 * and the gateway's body limit filters alike, before the body is parsed.
 */
public class RequestTooLargeException extends ProblemException {

    private final long limitBytes;

    public RequestTooLargeException(long limitBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE, "request-too-large",
                "Request body exceeds the limit of " + limitBytes + " bytes", Map.of("limitBytes", limitBytes));
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }

}
