package io.sagashop.auth.signin;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import io.sagashop.problem.ProblemJson;
import io.sagashop.problem.Problems;

/**
 * Limits sign-in attempts (posts of the form; showing the page costs nothing) per client
 * address and per email. A refused attempt is a 429 with {@code Retry-After}: the sign-in
 * page saying how long to wait for a browser, a problem for any other client.
 * <p>
 * The address is the connection's ({@code getRemoteAddr()}); a header such as
 * {@code X-Forwarded-For} counts only where Boot's forward-headers strategy is set,
 * because anyone can send one to get a fresh bucket per request.
 */
class SignInRateLimitFilter extends OncePerRequestFilter {

    static final String EMAIL_PARAMETER = "email";

    private static final RequestMatcher SIGN_IN_ATTEMPT = PathPatternRequestMatcher.withDefaults()
        .matcher(HttpMethod.POST, "/login");

    private static final List<MediaType> HTML = List.of(MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML);

    private final SignInRateLimiter limiter;

    private final SignInPage page;

    SignInRateLimitFilter(SignInRateLimiter limiter, SignInPage page) {
        this.limiter = limiter;
        this.page = page;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !SIGN_IN_ATTEMPT.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String email = request.getParameter(EMAIL_PARAMETER);
        Optional<Duration> wait = this.limiter.tryAttempt(request.getRemoteAddr(), email);
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, ceilSeconds(wait.get()));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        if (acceptsHtml(request)) {
            renderPage(request, response, Duration.ofSeconds(seconds), email);
        }
        else {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream()
                .write(ProblemJson.bytes(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                        "Too many sign-in attempts: try again in " + seconds + " seconds")));
        }
    }

    private void renderPage(HttpServletRequest request, HttpServletResponse response, Duration retryAfter, String email)
            throws ServletException, IOException {
        try {
            this.page.renderLimited(request, response, retryAfter, email);
        }
        catch (IOException | ServletException | RuntimeException ex) {
            throw ex;
        }
        catch (Exception ex) {
            throw new ServletException(ex);
        }
    }

    private static long ceilSeconds(Duration wait) {
        return wait.plusNanos(999_999_999).toSeconds();
    }

    /**
     * A browser names HTML in its Accept header; a client that accepts anything
     * ({@code *}{@code /*}, as curl) is not taken for one.
     */
    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept)
                .stream()
                .anyMatch(type -> HTML.stream().anyMatch(type::equalsTypeAndSubtype));
        }
        catch (InvalidMediaTypeException ex) {
            return false;
        }
    }

}
