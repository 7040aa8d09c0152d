package io.sagashop.support.security;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import io.sagashop.problem.ForbiddenException;
import io.sagashop.problem.UnauthorizedException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers a refused request in the shop's problem shape: 401 without a valid token, 403
 * when the token does not allow the call. Spring's bearer handlers set the status and the
 * RFC 6750 {@code WWW-Authenticate} header ({@code invalid_token},
 * {@code insufficient_scope}); this writes the body they leave empty.
 */
class TokenRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(TokenRefusals.class);

    private final AuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();

    private final AccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal)
            throws IOException, ServletException {
        log.debug("Refusing {} {} without a valid token: {}", request.getMethod(), request.getRequestURI(),
                refusal.getMessage());
        bearerEntryPoint.commence(request, response, refusal);
        ProblemResponses.write(request, response, new UnauthorizedException().toProblemDetail());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal)
            throws IOException, ServletException {
        log.debug("Refusing {} {}: the token does not allow it", request.getMethod(), request.getRequestURI());
        bearerAccessDenied.handle(request, response, refusal);
        ProblemResponses.write(request, response, new ForbiddenException().toProblemDetail());
    }

}
