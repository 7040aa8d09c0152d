package io.sagashop.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * A failure the caller can act on. Each domain rule gets its own subclass with a stable
 * type slug ({@code out-of-stock}, {@code card-declined}), which the services' and the
 * gateway's problem handlers turn into an {@code application/problem+json} response. The
 * properties travel as extension members of the problem.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatusCode status;

    private final String type;

    private final Map<String, Object> properties;

    protected ProblemException(HttpStatusCode status, String type, String detail) {
        this(status, type, detail, Map.of());
    }

    protected ProblemException(HttpStatusCode status, String type, String detail, Map<String, ?> properties) {
        super(detail);
        this.status = status;
        this.type = type;
        this.properties = Map.copyOf(properties);
    }

    public HttpStatusCode status() {
        return status;
    }

    public String type() {
        return type;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /**
     * Headers the answer carries besides the problem, such as {@code Retry-After}; none
     * by default.
     */
    public HttpHeaders headers() {
        return new HttpHeaders();
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = Problems.of(status, type, getMessage());
        new LinkedHashMap<>(properties).forEach(problem::setProperty);
        return problem;
    }

}
