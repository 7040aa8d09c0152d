package io.sagashop.support.security;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import io.sagashop.problem.Problems;
import io.sagashop.problem.ProblemTypes;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Tells a token the service could not check from one that failed the check. When the
 * issuer's key set is out of reach (the auth-server restarting, a network split) no token
 * can be verified: that is the service's trouble, answered 503 so that the caller
 * retries, where Spring would otherwise let the failure escape as a 500. Every other
 * failure is the token's, refused 401.
 */
class UnverifiableTokens implements AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(UnverifiableTokens.class);

    private final AuthenticationEntryPoint refusals;

    UnverifiableTokens(AuthenticationEntryPoint refusals) {
        this.refusals = refusals;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException, ServletException {
        if (!(failure instanceof AuthenticationServiceException)) {
            refusals.commence(request, response, failure);
            return;
        }
        log.warn("Could not check the access token of {} {}: {}", request.getMethod(), request.getRequestURI(),
                failure.getMessage());
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                ProblemTypes.forStatus(HttpStatus.SERVICE_UNAVAILABLE),
                "The access token could not be checked: the issuer's keys are out of reach; retry later");
        ProblemResponses.write(request, response, problem);
    }

}
