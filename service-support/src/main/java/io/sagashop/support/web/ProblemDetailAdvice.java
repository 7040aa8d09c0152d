package io.sagashop.support.web;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.ClassUtils;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.sagashop.problem.Causes;
import io.sagashop.problem.FieldNames;
import io.sagashop.problem.InvalidField;
import io.sagashop.problem.InvalidFields;
import io.sagashop.problem.InvalidRequestException;
import io.sagashop.problem.MalformedRequestException;
import io.sagashop.problem.ProblemException;
import io.sagashop.problem.Problems;
import io.sagashop.problem.Reasons;
import io.sagashop.problem.UnreadableJson;
import io.sagashop.problem.UnsupportedMediaTypeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import tools.jackson.core.JacksonException;

/**
 * Spring MVC's side of the error contract: translates the servlet stack's failures into
 * the calls http-problems answers every API's with, so that the services and the gateway
 * ({@code ProblemWebExceptionHandler}) give the same mistake the same problem. Input
 * errors name the field and the reason in an {@code errors} array; domain rules arrive as
 * {@link ProblemException}s; a database constraint that code did not anticipate still
 * answers 409 with the constraint's name rather than a 500.
 */
@RestControllerAdvice
public class ProblemDetailAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailAdvice.class);

    private static final boolean HIBERNATE_PRESENT = ClassUtils
        .isPresent("org.hibernate.exception.ConstraintViolationException", null);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> handleProblem(ProblemException ex, WebRequest request) {
        return respond(ex, ex, new HttpHeaders(), request);
    }

    /**
     * Method validation through a class-level {@code @Validated} proxy; built-in
     * validation is preferred.
     */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleMethodConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<InvalidField> errors = ex.getConstraintViolations().stream().map(InvalidFields::of).toList();
        return respond(ex, new InvalidRequestException(errors), new HttpHeaders(), request);
    }

    /**
     * Spring parses a multipart body before it picks a handler, for every endpoint,
     * probes included; a Content-Type without a boundary or a broken body is the client's
     * mistake, not a failure of the service.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> handleMultipart(MultipartException ex, WebRequest request) {
        ProblemException problem = namesABoundary(request.getHeader(HttpHeaders.CONTENT_TYPE))
                ? new MalformedRequestException("Request body is not valid multipart/form-data")
                : new InvalidRequestException(HttpHeaders.CONTENT_TYPE, "must name a boundary for multipart/form-data");
        return respond(ex, problem, new HttpHeaders(), request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(DataIntegrityViolationException ex, WebRequest request) {
        String constraint = constraintName(ex);
        log.warn("Request violated database constraint {}", constraint, ex);
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "constraint-violated",
                "The request conflicts with the current state (constraint " + constraint + ")");
        problem.setProperty("constraint", constraint);
        return respond(ex, problem, new HttpHeaders(), request);
    }

    @ExceptionHandler({ OptimisticLockingFailureException.class, PessimisticLockingFailureException.class })
    ResponseEntity<Object> handleConcurrentModification(RuntimeException ex, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "concurrent-modification",
                "The resource was changed by another request; retry");
        return respond(ex, problem, new HttpHeaders(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        log.error("Unexpected failure", ex);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "The service failed unexpectedly; the request may be retried");
        return respond(ex, problem, new HttpHeaders(), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(ex, new InvalidRequestException(InvalidFields.of(ex.getBindingResult())), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(ex, new InvalidRequestException(InvalidFields.of(ex)), headers, request);
    }

    /**
     * A body over the limit surfaces here when it is counted while being read
     * ({@code RequestBodyLimitFilter}); anything else Jackson could not read is worded by
     * {@link UnreadableJson}.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemException tooLarge = Causes.find(ex, ProblemException.class);
        ProblemException problem = tooLarge != null ? tooLarge
                : UnreadableJson.problem(Causes.find(ex, JacksonException.class));
        return respond(ex, problem, headers, request);
    }

    /**
     * Says what to send instead; Spring's own detail names no accepted type and a default
     * for a missing one.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var unsupported = new UnsupportedMediaTypeException(request.getHeader(HttpHeaders.CONTENT_TYPE),
                ex.getSupportedMediaTypes());
        return respond(ex, unsupported, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = switch (ex) {
            case MissingRequestHeaderException header -> header.getHeaderName();
            case MissingPathVariableException path -> path.getVariableName();
            default -> "request";
        };
        return respond(ex, new InvalidRequestException(field, Reasons.REQUIRED), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(ex, new InvalidRequestException(ex.getParameterName(), Reasons.REQUIRED), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch
                ? FieldNames.parameterName(mismatch.getParameter()) : String.valueOf(ex.getPropertyName());
        Class<?> required = ex.getRequiredType();
        String reason = required == null ? Reasons.UNREADABLE : Reasons.mustBe(required);
        return respond(ex, new InvalidRequestException(field, reason), headers, request);
    }

    /**
     * Every answer, Spring's own problems (404, 405, ...) included, gets a type in our
     * scheme, its title and the path it answers for.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            Problems.typedByStatus(problem);
            withInstance(problem, request);
        }
        return response;
    }

    private ResponseEntity<Object> respond(Exception ex, ProblemException problem, HttpHeaders headers,
            WebRequest request) {
        log.debug("Answering {} {}: {}", problem.status().value(), problem.type(), problem.getMessage());
        HttpHeaders all = new HttpHeaders();
        all.addAll(headers);
        all.addAll(problem.headers());
        return respond(ex, problem.toProblemDetail(), all, request);
    }

    private ResponseEntity<Object> respond(Exception ex, ProblemDetail problem, HttpHeaders headers,
            WebRequest request) {
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    private static void withInstance(ProblemDetail problem, WebRequest request) {
        if (problem.getInstance() == null && request instanceof NativeWebRequest nativeRequest
                && nativeRequest.getNativeRequest() instanceof HttpServletRequest servletRequest) {
            problem.setInstance(URI.create(servletRequest.getRequestURI()));
        }
    }

    private static boolean namesABoundary(@Nullable String contentType) {
        try {
            return contentType != null && MediaType.parseMediaType(contentType).getParameter("boundary") != null;
        }
        catch (InvalidMediaTypeException ex) {
            return false;
        }
    }

    private static String constraintName(DataIntegrityViolationException ex) {
        if (HIBERNATE_PRESENT) {
            var violation = Causes.find(ex, org.hibernate.exception.ConstraintViolationException.class);
            if (violation != null && violation.getConstraintName() != null) {
                return violation.getConstraintName();
            }
        }
        return "unknown";
    }

}
