package io.sagashop.gateway.problem;

import java.net.ConnectException;
import java.net.URI;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
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

import io.sagashop.problem.Causes;
import io.sagashop.problem.FieldNames;
import io.sagashop.problem.InvalidFields;
import io.sagashop.problem.InvalidRequestException;
import io.sagashop.problem.ProblemException;
import io.sagashop.problem.Problems;
import io.sagashop.problem.Reasons;
import io.sagashop.problem.UnreadableJson;
import io.sagashop.problem.UnsupportedMediaTypeException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * WebFlux's side of the error contract: translates the reactive stack's failures into the
 * calls http-problems answers every API's with, so that the gateway and the services
 * ({@code ProblemDetailAdvice}) give the same mistake the same problem. A web exception
 * handler rather than a controller advice, so that failures outside controllers (a body
 * over the limit, an unknown path, a service behind a route that is down) answer the same
 * way. Ordered before Boot's default error handler, which would answer its own JSON
 * shape.
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
        ProblemException domain = Causes.find(ex, ProblemException.class);
        if (domain != null) {
            headers.addAll(domain.headers());
            return domain.toProblemDetail();
        }
        // The codecs' own buffer limit, above the one RequestBodyLimitFilter enforces.
        if (Causes.find(ex, DataBufferLimitException.class) != null) {
            return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request body is too large");
        }
        return switch (ex) {
            case WebExchangeBindException bind ->
                new InvalidRequestException(InvalidFields.of(bind.getBindingResult())).toProblemDetail();
            case MissingRequestValueException missing ->
                new InvalidRequestException(missing.getName(), Reasons.REQUIRED).toProblemDetail();
            case ServerWebInputException input -> unreadable(input).toProblemDetail();
            case HandlerMethodValidationException validation ->
                new InvalidRequestException(InvalidFields.of(validation)).toProblemDetail();
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
                yield Problems.typedByStatus(status.getBody());
            }
            default -> Causes.find(ex, ConnectException.class) != null
                    ? Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                            "A service behind the gateway is unavailable; the request may be retried")
                    : Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                            "The gateway failed unexpectedly; the request may be retried");
        };
    }

    /**
     * WebFlux reports a body Jackson could not read and a parameter it could not convert
     * alike.
     */
    private static ProblemException unreadable(ServerWebInputException ex) {
        JacksonException jackson = Causes.find(ex, JacksonException.class);
        TypeMismatchException mismatch = Causes.find(ex, TypeMismatchException.class);
        if (jackson == null && mismatch != null && ex.getMethodParameter() != null) {
            Class<?> required = mismatch.getRequiredType();
            String reason = required == null ? Reasons.UNREADABLE : Reasons.mustBe(required);
            return new InvalidRequestException(FieldNames.parameterName(ex.getMethodParameter()), reason);
        }
        return UnreadableJson.problem(jackson);
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

}
