package io.sagashop.support.http;

import java.io.IOException;

/**
 * Raised while reading a body sent without a Content-Length that grows past the limit.
 */
public class RequestBodyTooLargeException extends IOException {

    private final long limitBytes;

    public RequestBodyTooLargeException(long limitBytes) {
        super("Request body exceeds the limit of " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }

}
