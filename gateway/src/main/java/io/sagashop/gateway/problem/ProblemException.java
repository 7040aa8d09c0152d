package io.sagashop.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * A failure the caller can act on, with a stable type slug; {@link ProblemWebExceptionHandler} turns it into an
 * {@code application/problem+json} response whose extension members are the properties. The gateway's
 * equivalent of the servlet services' {@code io.sagashop.support.problem.ProblemException}.
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

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(ProblemTypes.of(type));
        problem.setTitle(titleOf(type));
        new LinkedHashMap<>(properties).forEach(problem::setProperty);
        return problem;
    }

    private static String titleOf(String slug) {
        String words = slug.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
