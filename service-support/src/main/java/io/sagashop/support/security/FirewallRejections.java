package io.sagashop.support.security;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import io.sagashop.problem.InvalidRequestException;
import io.sagashop.problem.Problems;
import io.sagashop.problem.Reasons;
import io.sagashop.problem.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers what Spring Security's firewall refuses before any token is read (a path with
 * {@code ;}, {@code //}, {@code ..} or an encoded {@code .}, a method or header it does
 * not allow) with a 400 problem, instead of Boot's error JSON. The firewall says what it
 * refused only in words: a refused URL names the path, anything else gets a general
 * detail.
 */
class FirewallRejections implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(FirewallRejections.class);

    static final String PATH_REASON = Reasons.NORMALIZED_PATH;

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejection)
            throws IOException {
        log.debug("Refusing {} {}: {}", request.getMethod(), request.getRequestURI(), rejection.getMessage());
        ProblemResponses.write(request, response, problem(rejection));
    }

    private static ProblemDetail problem(RequestRejectedException rejection) {
        String message = String.valueOf(rejection.getMessage());
        if (message.contains("URL") || message.contains("requestURI") || message.contains("servletPath")
                || message.contains("pathInfo")) {
            return new InvalidRequestException("path", PATH_REASON).toProblemDetail();
        }
        return Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.forStatus(HttpStatus.BAD_REQUEST),
                "The request holds a method, host, header or parameter the service refuses");
    }

}
