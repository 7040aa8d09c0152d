package io.sagashop.gateway.problem;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The problems in the API description: one {@code Problem} schema (RFC 9457 with the
 * shop's {@code errors}) and the answers every API operation can give besides its own, so
 * a client generated from the description, or a fuzzer checking answers against it, meets
 * no status the description does not name. Every call with a caller can be refused 401
 * (no valid token) and 429 (rate limit, with {@code Retry-After}); one with parameters or
 * a body 400, one with a body 413 and 415. What an operation adds of its own it names
 * with {@link ProblemResponses}; proxied routes get the same through {@link #addCommon}
 * and {@link #add}. Which calls need a caller the identity package knows
 * ({@code IdentityOpenApi}).
 */
@Configuration(proxyBeanMethods = false)
public class ProblemDocs {

    public static final String SCHEMA = io.sagashop.problem.openapi.ProblemResponses.PROBLEM;

    private static final String SCHEMA_REF = "#/components/schemas/" + SCHEMA;

    /**
     * The one {@code Problem} schema of every Saga Shop API, and every error answer sent
     * with it; which errors an operation answers is decided here, by operation.
     */
    @Bean
    io.sagashop.problem.openapi.ProblemResponses problemSchema() {
        return new io.sagashop.problem.openapi.ProblemResponses(Map.of(), Map.of());
    }

    @Bean
    GlobalOperationCustomizer problemResponses() {
        return (operation, handlerMethod) -> {
            ProblemResponses own = handlerMethod.getMethodAnnotation(ProblemResponses.class);
            if (own != null) {
                add(operation, own.value());
            }
            return operation;
        };
    }

    /**
     * 401 and 429 for a call that needs a caller; 400 when it takes parameters or a body;
     * 413 and 415 when it takes a body.
     */
    public static void addCommon(Operation operation) {
        Set<HttpStatus> statuses = new TreeSet<>(List.of(HttpStatus.UNAUTHORIZED, HttpStatus.TOO_MANY_REQUESTS));
        boolean body = operation.getRequestBody() != null;
        if (body || operation.getParameters() != null && !operation.getParameters().isEmpty()) {
            statuses.add(HttpStatus.BAD_REQUEST);
        }
        if (body) {
            statuses.add(HttpStatus.CONTENT_TOO_LARGE);
            statuses.add(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        }
        add(operation, statuses);
    }

    public static void add(Operation operation, HttpStatus... statuses) {
        add(operation, Arrays.asList(statuses));
    }

    private static void add(Operation operation, Collection<HttpStatus> statuses) {
        if (operation.getResponses() == null) {
            operation.responses(new ApiResponses());
        }
        Map<String, ApiResponse> sorted = new LinkedHashMap<>();
        for (HttpStatus status : statuses) {
            String code = Integer.toString(status.value());
            if (!operation.getResponses().containsKey(code)) {
                sorted.put(code, response(status));
            }
        }
        sorted.forEach(operation.getResponses()::addApiResponse);
        // Numeric order reads best, successes first.
        ApiResponses ordered = new ApiResponses();
        operation.getResponses()
            .entrySet()
            .stream()
            .sorted(Map.Entry.comparingByKey())
            .forEach(entry -> ordered.addApiResponse(entry.getKey(), entry.getValue()));
        operation.responses(ordered);
    }

    private static ApiResponse response(HttpStatus status) {
        ApiResponse response = new ApiResponse().description(description(status))
            .content(new Content().addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    new io.swagger.v3.oas.models.media.MediaType().schema(new Schema<>().$ref(SCHEMA_REF))));
        if (status == HttpStatus.TOO_MANY_REQUESTS) {
            response.addHeaderObject("Retry-After",
                    new Header().description("Seconds until a request is let through").schema(new IntegerSchema()));
        }
        if (status == HttpStatus.UNAUTHORIZED) {
            response.addHeaderObject("WWW-Authenticate",
                    new Header().description("Bearer, with why the token was refused").schema(new StringSchema()));
        }
        return response;
    }

    private static String description(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "A parameter or the body is invalid; errors names each field and why";
            case UNAUTHORIZED -> "No valid access token or session";
            case FORBIDDEN -> "The caller may not make this call (its role, or the CSRF token of a session)";
            case NOT_FOUND -> "Not found, or not the caller's";
            case CONFLICT -> "Refused in the state the resource is in; the detail says why";
            case CONTENT_TOO_LARGE -> "The body is over the limit";
            case UNSUPPORTED_MEDIA_TYPE -> "The body is not application/json";
            case UNPROCESSABLE_CONTENT -> "Well formed but refused by the service's rules";
            case TOO_MANY_REQUESTS -> "Rate limited; Retry-After says when to try again";
            case SERVICE_UNAVAILABLE -> "Temporal or a service behind the gateway did not answer; may be retried";
            default -> status.getReasonPhrase();
        };
    }

}
