package io.sagashop.support.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.NestedExceptionUtils;
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
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
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
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.sagashop.support.http.RequestBodyTooLargeException;
import io.sagashop.problem.FieldNames;
import io.sagashop.problem.InvalidField;
import io.sagashop.problem.ProblemException;
import io.sagashop.problem.ProblemTypes;
import io.sagashop.problem.UnreadableJson;
import io.sagashop.problem.UnsupportedMediaTypeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where a service's failures become RFC 9457 responses. Input errors name
 * the field and the reason in an {@code errors} array; domain rules arrive as
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
        log.debug("Answering {} {}: {}", ex.status().value(), ex.type(), ex.getMessage());
        return respond(ex, ex.toProblemDetail(), ex.headers(), ex.status(), request);
    }

    /**
     * Method validation through a class-level {@code @Validated} proxy; built-in
     * validation is preferred.
     */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleMethodConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<InvalidField> errors = ex.getConstraintViolations()
            .stream()
            .map(violation -> new InvalidField(lastNode(violation.getPropertyPath()), violation.getMessage()))
            .toList();
        return invalidRequest(ex, errors, new HttpHeaders(), request);
    }

    /**
     * Spring parses a multipart body before it picks a handler, for every endpoint,
     * probes included; a Content-Type without a boundary or a broken body is the client's
     * mistake, not a failure of the service.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> handleMultipart(MultipartException ex, WebRequest request) {
        if (!namesABoundary(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            return invalidRequest(ex,
                    List.of(new InvalidField(HttpHeaders.CONTENT_TYPE, "must name a boundary for multipart/form-data")),
                    new HttpHeaders(), request);
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-request",
                "Request body is not valid multipart/form-data");
        problem.setProperty("errors", List.of(new InvalidField("body", problem.getDetail())));
        return respond(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(DataIntegrityViolationException ex, WebRequest request) {
        String constraint = constraintName(ex);
        log.warn("Request violated database constraint {}", constraint, ex);
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "constraint-violated",
                "The request conflicts with the current state (constraint " + constraint + ")");
        problem.setProperty("constraint", constraint);
        return respond(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    @ExceptionHandler({ OptimisticLockingFailureException.class, PessimisticLockingFailureException.class })
    ResponseEntity<Object> handleConcurrentModification(RuntimeException ex, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "concurrent-modification",
                "The resource was changed by another request; retry");
        return respond(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        log.error("Unexpected failure", ex);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "The service failed unexpectedly; the request may be retried");
        return respond(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> errors = new ArrayList<>();
        ex.getBindingResult()
            .getFieldErrors()
            .forEach(error -> errors.add(new InvalidField(error.getField(), error.getDefaultMessage())));
        ex.getBindingResult()
            .getGlobalErrors()
            .forEach(error -> errors.add(new InvalidField(error.getObjectName(), error.getDefaultMessage())));
        return invalidRequest(ex, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors parameterErrors) {
                for (FieldError error : parameterErrors.getFieldErrors()) {
                    errors.add(new InvalidField(error.getField(), error.getDefaultMessage()));
                }
            }
            else {
                String name = FieldNames.parameterName(result.getMethodParameter());
                result.getResolvableErrors()
                    .forEach(error -> errors.add(new InvalidField(name, error.getDefaultMessage())));
            }
        });
        return invalidRequest(ex, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (NestedExceptionUtils.getRootCause(ex) instanceof RequestBodyTooLargeException tooLarge) {
            ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", tooLarge.getMessage());
            problem.setProperty("limitBytes", tooLarge.limitBytes());
            return respond(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        JacksonException jackson = findCause(ex, JacksonException.class);
        String duplicated = jackson != null ? FieldNames.duplicatedProperty(jackson) : null;
        if (duplicated != null) {
            return invalidRequest(ex, List.of(new InvalidField(duplicated, "is given more than once")), headers,
                    request);
        }
        if (jackson != null && UnreadableJson.namesAField(jackson)) {
            String field = FieldNames.jsonPath(jackson.getPath());
            return invalidRequest(ex, List.of(new InvalidField(field, unreadableReason(jackson))), headers, request);
        }
        String detail = jackson != null ? UnreadableJson.bodyDetail(jackson) : "Request body is missing or unreadable";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-request", detail);
        problem.setProperty("errors", List.of(new InvalidField("body", detail)));
        return respond(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
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
        return respond(ex, unsupported.toProblemDetail(), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = switch (ex) {
            case MissingRequestHeaderException header -> header.getHeaderName();
            case MissingPathVariableException path -> path.getVariableName();
            default -> "request";
        };
        return invalidRequest(ex, List.of(new InvalidField(field, "is required")), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalidRequest(ex, List.of(new InvalidField(ex.getParameterName(), "is required")), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch
                ? FieldNames.parameterName(mismatch.getParameter()) : String.valueOf(ex.getPropertyName());
        Class<?> required = ex.getRequiredType();
        String reason = "must be a valid " + (required == null ? "value" : describe(required));
        return invalidRequest(ex, List.of(new InvalidField(field, reason)), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            withInstance(problem, request);
            withStatusType(problem, statusCode);
        }
        return response;
    }

    private ResponseEntity<Object> invalidRequest(Exception ex, List<InvalidField> errors, HttpHeaders headers,
            WebRequest request) {
        String detail = errors.stream()
            .map(error -> error.field() + " " + error.reason())
            .reduce((first, second) -> first + "; " + second)
            .orElse("The request is invalid");
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", detail);
        problem.setProperty("errors", errors);
        return respond(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private ResponseEntity<Object> respond(Exception ex, ProblemDetail problem, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    private static ProblemDetail problem(HttpStatusCode status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.of(type));
        problem.setTitle(ProblemTypes.titleOf(type));
        return problem;
    }

    private static void withInstance(ProblemDetail problem, WebRequest request) {
        if (problem.getInstance() == null && request instanceof NativeWebRequest nativeRequest
                && nativeRequest.getNativeRequest() instanceof HttpServletRequest servletRequest) {
            problem.setInstance(URI.create(servletRequest.getRequestURI()));
        }
    }

    /**
     * Spring's own problems (404, 405, ...) get a type in our scheme instead of
     * {@code about:blank}.
     */
    private static void withStatusType(ProblemDetail problem, HttpStatusCode status) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            String slug = ProblemTypes.forStatus(status);
            problem.setType(ProblemTypes.of(slug));
            problem.setTitle(ProblemTypes.titleOf(slug));
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

    private static String lastNode(Path path) {
        String name = "request";
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name;
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
            return "must be " + article(describe(mismatch.getTargetType()));
        }
        return "has an unreadable value";
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(ClassUtils.resolvePrimitiveIfNecessary(type))) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return type == java.util.UUID.class ? "UUID" : type.getSimpleName();
    }

    private static String article(String description) {
        if (description.startsWith("one of")) {
            return description;
        }
        return ("aeiouAEIOU".indexOf(description.charAt(0)) >= 0 ? "an " : "a ") + description;
    }

    private static String constraintName(DataIntegrityViolationException ex) {
        if (HIBERNATE_PRESENT) {
            var violation = findCause(ex, org.hibernate.exception.ConstraintViolationException.class);
            if (violation != null && violation.getConstraintName() != null) {
                return violation.getConstraintName();
            }
        }
        return "unknown";
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
