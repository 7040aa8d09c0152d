package io.sagashop.gateway.problem;

import java.math.BigInteger;
import java.net.ConnectException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import io.sagashop.problem.FieldNames;
import io.sagashop.problem.InvalidField;
import io.sagashop.problem.InvalidRequestException;
import io.sagashop.problem.ProblemException;
import io.sagashop.problem.ProblemTypes;
import io.sagashop.problem.UnreadableJson;
import io.sagashop.problem.UnsupportedMediaTypeException;

/**
 * The one place where the gateway's failures become RFC 9457 responses, in the same shape
 * the services use: input errors name the field and the reason in an {@code errors}
 * array, domain rules arrive as {@link ProblemException}s. A web exception handler rather
 * than a controller advice, so that failures outside controllers (a body over the limit,
 * an unknown path, a service behind a route that is down) answer the same way. Ordered
 * before Boot's default error handler, which would answer its own JSON shape.
 */
@Component
@Order(-2)
class ProblemWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final ServerResponse.Context context;

    ProblemWebExceptionHandler(ServerCodecConfigurer codecs) {
        List<HttpMessageWriter<?>> writers = codecs.getWriters();
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        HttpHeaders headers = new HttpHeaders();
        ProblemDetail problem = toProblem(ex, exchange, headers);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        log(exchange, problem, ex);
        return ServerResponse.status(problem.getStatus())
            .headers(responseHeaders -> responseHeaders.addAll(headers))
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .bodyValue(problem)
            .flatMap(response -> response.writeTo(exchange, context));
    }

    private ProblemDetail toProblem(Throwable ex, ServerWebExchange exchange, HttpHeaders headers) {
        ProblemException domain = findCause(ex, ProblemException.class);
        if (domain != null) {
            return domain.toProblemDetail();
        }
        if (findCause(ex, DataBufferLimitException.class) != null) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request body is too large");
        }
        return switch (ex) {
            case WebExchangeBindException bind -> invalidRequest(fieldErrors(bind.getBindingResult()));
            case MissingRequestValueException missing ->
                invalidRequest(List.of(new InvalidField(missing.getName(), "is required")));
            case ServerWebInputException input -> unreadable(input);
            case HandlerMethodValidationException validation -> invalidRequest(parameterErrors(validation));
            // Says what to send instead; Spring's own detail is empty when the
            // Content-Type is missing.
            case UnsupportedMediaTypeStatusException unsupported -> {
                headers.addAll(unsupported.getHeaders());
                yield new UnsupportedMediaTypeException(
                        exchange.getRequest().getHeaders().getFirst(HttpHeaders.CONTENT_TYPE),
                        unsupported.getSupportedMediaTypes())
                    .toProblemDetail();
            }
            case ResponseStatusException status -> {
                headers.addAll(status.getHeaders());
                ProblemDetail problem = status.getBody();
                String slug = ProblemTypes.forStatus(status.getStatusCode());
                problem.setType(ProblemTypes.of(slug));
                problem.setTitle(ProblemTypes.titleOf(slug));
                yield problem;
            }
            default -> findCause(ex, ConnectException.class) != null
                    ? problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                            "A service behind the gateway is unavailable; the request may be retried")
                    : problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                            "The gateway failed unexpectedly; the request may be retried");
        };
    }

    private static ProblemDetail unreadable(ServerWebInputException ex) {
        JacksonException jackson = findCause(ex, JacksonException.class);
        String duplicated = jackson != null ? FieldNames.duplicatedProperty(jackson) : null;
        if (duplicated != null) {
            return invalidRequest(List.of(new InvalidField(duplicated, "is given more than once")));
        }
        if (jackson != null && UnreadableJson.namesAField(jackson)) {
            String field = FieldNames.jsonPath(jackson.getPath());
            return invalidRequest(List.of(new InvalidField(field, unreadableReason(jackson))));
        }
        TypeMismatchException mismatch = findCause(ex, TypeMismatchException.class);
        if (mismatch != null && ex.getMethodParameter() != null) {
            Class<?> required = mismatch.getRequiredType();
            String reason = "must be a valid " + (required == null ? "value" : required.getSimpleName());
            return invalidRequest(List.of(new InvalidField(FieldNames.parameterName(ex.getMethodParameter()), reason)));
        }
        String detail = jackson != null ? UnreadableJson.bodyDetail(jackson) : "Request body is missing or unreadable";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-request", detail);
        problem.setProperty("errors", List.of(new InvalidField("body", detail)));
        return problem;
    }

    private static List<InvalidField> fieldErrors(BindingResult result) {
        List<InvalidField> errors = new ArrayList<>();
        result.getFieldErrors()
            .forEach(error -> errors.add(new InvalidField(error.getField(), error.getDefaultMessage())));
        result.getGlobalErrors()
            .forEach(error -> errors.add(new InvalidField(error.getObjectName(), error.getDefaultMessage())));
        return errors;
    }

    private static List<InvalidField> parameterErrors(HandlerMethodValidationException ex) {
        List<InvalidField> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors parameter) {
                for (FieldError error : parameter.getFieldErrors()) {
                    errors.add(new InvalidField(error.getField(), error.getDefaultMessage()));
                }
            }
            else {
                String name = FieldNames.parameterName(result.getMethodParameter());
                result.getResolvableErrors()
                    .forEach(error -> errors.add(new InvalidField(name, error.getDefaultMessage())));
            }
        });
        return errors;
    }

    private static ProblemDetail invalidRequest(List<InvalidField> errors) {
        return new InvalidRequestException(errors).toProblemDetail();
    }

    private static ProblemDetail problem(HttpStatusCode status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.of(type));
        return problem;
    }

    private static void log(ServerWebExchange exchange, ProblemDetail problem, Throwable ex) {
        if (problem.getStatus() == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
            log.error("Unexpected failure answering {} {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), ex);
        }
        else if (problem.getStatus() >= 500) {
            log.warn("Answering {} {}: {}", problem.getStatus(), problem.getType(), ex.toString());
        }
        else {
            log.debug("Answering {} {}: {}", problem.getStatus(), problem.getType(), problem.getDetail());
        }
    }

    private static String unreadableReason(JacksonException ex) {
        if (ex instanceof UnrecognizedPropertyException) {
            return "is not a known property";
        }
        String shape = UnreadableJson.fieldReason(ex);
        if (shape != null) {
            return shape;
        }
        if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describe(mismatch.getTargetType());
        }
        return "has an unreadable value";
    }

    private static String describe(Class<?> type) {
        // 2.9 for a quantity is a number, just not one that may be rounded silently.
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "a valid " + type.getSimpleName();
    }

    private static <T extends Throwable> @Nullable T findCause(Throwable ex, Class<T> type) {
        for (Throwable current = ex; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }

}
