package io.sagashop.worker.http;

import io.sagashop.problem.ProblemTypes;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where what a service answered, or failed to answer, becomes a Temporal
 * failure.
 *
 * <p>
 * A 4xx answer is the service's final word: a non-retryable failure whose type is the
 * problem's slug (the part of {@code urn:sagashop:problem:<slug>} after the prefix),
 * which the workflow branches on, and whose message is the problem's detail. A 5xx
 * answer, a 408 or 429, a timeout or a refused connection may go away: a retryable
 * failure, retried by the activity's retry policy. So may a 401 or 403 and a token the
 * sign-in server would not hand out: they refuse the worker's credentials, not the order,
 * and a fresh token or a corrected configuration lets the saga go on where it stopped.
 */
public final class ServiceFailures {

    /**
     * Failure type of a request that got no answer because the service could not be
     * reached.
     */
    public static final String SERVICE_UNREACHABLE = "service-unreachable";

    /** Failure type of a request that got no answer in time. */
    public static final String SERVICE_TIMEOUT = "service-timeout";

    /** Failure type of a request sent without a token because none could be obtained. */
    public static final String CREDENTIALS_UNAVAILABLE = "service-credentials-unavailable";

    private static final Logger log = LoggerFactory.getLogger(ServiceFailures.class);

    /**
     * Client errors that say "not now" rather than "no", or that refuse the worker's
     * credentials rather than the request (401, 403).
     */
    private static final Set<Integer> TRANSIENT_CLIENT_ERRORS = Set.of(401, 403, 408, 425, 429);

    private static final int MAX_PROBLEM_BYTES = 64 * 1024;

    private static final int MAX_MESSAGE_CHARS = 1000;

    /**
     * Enough for the HTTP client's wrappers; a guard against a cause chain that loops.
     */
    private static final int MAX_CAUSES = 10;

    private static final String OWN_PACKAGE = "io.sagashop.";

    private final JsonMapper jsonMapper;

    ServiceFailures(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /**
     * For compensations, which are never abandoned: a refusal (a non-retryable failure)
     * is turned into a retryable one, so the activity keeps retrying with backoff,
     * visible as a pending activity with its last failure in the Temporal UI, until
     * someone fixes its cause.
     */
    public static void retryEvenIfRefused(Runnable compensation) {
        try {
            compensation.run();
        }
        catch (ApplicationFailure failure) {
            if (!failure.isNonRetryable()) {
                throw failure;
            }
            log.error("Compensation refused ({}: {}); it is retried until it succeeds", failure.getType(),
                    failure.getOriginalMessage());
            throw ownFramesOnly(ApplicationFailure.newBuilder(failure).setNonRetryable(false).build());
        }
    }

    /**
     * Status handler of every service client: throws the failure that an error answer
     * stands for.
     */
    void throwFailureFor(HttpRequest request, ClientHttpResponse response) throws IOException {
        HttpStatusCode status = response.getStatusCode();
        Problem problem = readProblem(response);
        String type = problem.slug() != null ? problem.slug() : "http-" + status.value();
        String message = problem.detail() != null ? problem.detail()
                : request.getMethod() + " " + request.getURI().getPath() + " answered " + status.value();
        if (status.is4xxClientError() && !TRANSIENT_CLIENT_ERRORS.contains(status.value())) {
            log.info("{} {} answered {} {}: {}", request.getMethod(), request.getURI(), status.value(), type, message);
            throw failure(message, type, false);
        }
        log.warn("{} {} answered {} {}: {}; will be retried", request.getMethod(), request.getURI(), status.value(),
                type, message);
        throw failure(message, type, true);
    }

    /**
     * Interceptor of every service client: a request that got no answer at all is worth
     * another attempt. The failure names the service and what went wrong
     * ("inventory-service unreachable: connection refused").
     */
    ClientHttpResponse failIfUnanswered(String service, ServicesProperties.Endpoint endpoint, HttpRequest request,
            byte[] body, ClientHttpRequestExecution execution) {
        try {
            return execution.execute(request, body);
        }
        catch (IOException e) {
            boolean timedOut = e instanceof HttpTimeoutException || e instanceof SocketTimeoutException;
            String message = service
                    + (timedOut ? " timed out: " + timeoutOf(e, endpoint) : " unreachable: " + reasonOf(e, request));
            log.warn("{} {} got no answer ({}); will be retried", request.getMethod(), request.getURI(), message);
            log.debug("No answer from {} {}", request.getMethod(), request.getURI(), e);
            throw failure(message, timedOut ? SERVICE_TIMEOUT : SERVICE_UNREACHABLE, true);
        }
        catch (OAuth2AuthorizationException e) {
            String message = "no token for " + service + ": " + e.getError().getErrorCode()
                    + (e.getError().getDescription() != null ? " (" + e.getError().getDescription() + ")" : "");
            log.warn("{} {} not sent ({}); will be retried", request.getMethod(), request.getURI(), message);
            log.debug("No token for {} {}", request.getMethod(), request.getURI(), e);
            throw failure(message, CREDENTIALS_UNAVAILABLE, true);
        }
    }

    private static ApplicationFailure failure(String message, String type, boolean retryable) {
        String bounded = message.length() <= MAX_MESSAGE_CHARS ? message
                : message.substring(0, MAX_MESSAGE_CHARS - 1) + "…";
        return ownFramesOnly(retryable ? ApplicationFailure.newFailure(bounded, type)
                : ApplicationFailure.newNonRetryableFailure(bounded, type));
    }

    /**
     * Drops the HTTP client's, Spring's and the runtime's frames, dozens of them around
     * the few of our code.
     */
    private static ApplicationFailure ownFramesOnly(ApplicationFailure failure) {
        failure.setStackTrace(Arrays.stream(failure.getStackTrace())
            .filter(frame -> frame.getClassName().startsWith(OWN_PACKAGE))
            .toArray(StackTraceElement[]::new));
        return failure;
    }

    /**
     * Which timeout ran out; the exception's own message says only that the request was
     * cancelled.
     */
    private static String timeoutOf(IOException e, ServicesProperties.Endpoint endpoint) {
        return e instanceof HttpConnectTimeoutException
                ? "no connection within " + endpoint.connectTimeout().toMillis() + " ms"
                : "no answer within " + endpoint.readTimeout().toMillis() + " ms";
    }

    /**
     * What went wrong, in a few words. The JDK's HTTP client wraps the cause in
     * exceptions without a message (a refused connection is a ConnectException around a
     * ConnectException around a ClosedChannelException), so the innermost cause and the
     * innermost message say it.
     */
    private static String reasonOf(IOException e, HttpRequest request) {
        Throwable innermost = e;
        String message = null;
        int depth = 0;
        for (Throwable cause = e; cause != null && depth < MAX_CAUSES; cause = cause.getCause(), depth++) {
            innermost = cause;
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage().strip();
            }
        }
        if (innermost instanceof UnresolvedAddressException || innermost instanceof UnknownHostException) {
            return "unknown host " + request.getURI().getHost();
        }
        if (message != null) {
            return decapitalized(message);
        }
        return e instanceof ConnectException ? "connection refused" : innermost.getClass().getSimpleName();
    }

    /**
     * "Connection reset" reads as part of the sentence; an acronym ("HTTP/1.1 header
     * ...") stays as it is.
     */
    private static String decapitalized(String text) {
        boolean capitalizedWord = text.length() > 1 && Character.isUpperCase(text.charAt(0))
                && Character.isLowerCase(text.charAt(1));
        return capitalizedWord ? Character.toLowerCase(text.charAt(0)) + text.substring(1) : text;
    }

    private Problem readProblem(ClientHttpResponse response) {
        MediaType contentType = response.getHeaders().getContentType();
        boolean json = contentType != null && (MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(contentType)
                || MediaType.APPLICATION_JSON.isCompatibleWith(contentType));
        if (!json) {
            return Problem.NONE;
        }
        try (InputStream body = response.getBody()) {
            JsonNode node = jsonMapper.readTree(new String(body.readNBytes(MAX_PROBLEM_BYTES), StandardCharsets.UTF_8));
            String type = text(node, "type");
            String slug = ProblemTypes.slugOf(type);
            String detail = text(node, "detail");
            return new Problem(slug, detail != null ? detail : text(node, "title"));
        }
        catch (IOException | JacksonException e) {
            log.debug("Error answer without a readable problem body", e);
            return Problem.NONE;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    private record Problem(String slug, String detail) {
        static final Problem NONE = new Problem(null, null);

    }

}
