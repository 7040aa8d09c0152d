package io.sagashop.problem;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * The request's headers are over the server's limit (431). The server refuses them before
 * any application code runs, so the servlet services' Tomcat and the gateway's Netty each
 * answer it at their own level.
 */
public class HeadersTooLargeException extends ProblemException {

    public HeadersTooLargeException(long limitBytes) {
        super(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "request-header-fields-too-large",
                "The request's headers exceed the limit of " + limitBytes + " bytes", Map.of("limitBytes", limitBytes));
    }

}
