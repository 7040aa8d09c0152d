package io.sagashop.problem;

import java.util.ArrayList;
import java.util.List;

import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.MethodValidationResult;
import org.springframework.validation.method.ParameterErrors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;

/**
 * Turns Bean Validation's findings into {@link InvalidField}s, the same in the servlet
 * services and the reactive gateway: a body's fields by their JSON path
 * ({@code lines[2].sku}), headers, path variables and parameters by the name a client
 * sends them by, and each with the constraint's message as its reason.
 */
public final class InvalidFields {

    private static final String WHOLE_REQUEST = "request";

    private InvalidFields() {
    }

    /** A validated body: its fields first, then rules over the whole object. */
    public static List<InvalidField> of(Errors errors) {
        List<InvalidField> fields = new ArrayList<>();
        errors.getFieldErrors().forEach(error -> fields.add(of(error)));
        errors.getGlobalErrors()
            .forEach(error -> fields.add(new InvalidField(error.getObjectName(), error.getDefaultMessage())));
        return fields;
    }

    /** A handler's validated parameters: a body by its fields, others by their names. */
    public static List<InvalidField> of(MethodValidationResult result) {
        List<InvalidField> fields = new ArrayList<>();
        result.getParameterValidationResults().forEach(parameter -> {
            if (parameter instanceof ParameterErrors errors) {
                errors.getFieldErrors().forEach(error -> fields.add(of(error)));
            }
            else {
                String name = FieldNames.parameterName(parameter.getMethodParameter());
                parameter.getResolvableErrors()
                    .forEach(error -> fields.add(new InvalidField(name, error.getDefaultMessage())));
            }
        });
        return fields;
    }

    /**
     * A violation Bean Validation reported directly (a {@code @Validated} proxy, a
     * validator called by hand).
     */
    public static InvalidField of(ConstraintViolation<?> violation) {
        return new InvalidField(fieldName(violation.getPropertyPath()), violation.getMessage());
    }

    private static InvalidField of(FieldError error) {
        return new InvalidField(error.getField(), error.getDefaultMessage());
    }

    /**
     * {@code lines[2].sku} for a property of a bean, the parameter's name for a method
     * parameter ({@code create.count} gives {@code count}), and the properties of a bean
     * passed as a parameter from that bean, as in a body.
     */
    private static String fieldName(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                    field.setLength(0);
                    parameter = null;
                }
                case PARAMETER -> {
                    field.setLength(0);
                    parameter = node.getName();
                }
                case PROPERTY -> {
                    appendPosition(field, node, parameter);
                    field.append(field.isEmpty() ? "" : ".").append(node.getName());
                }
                case BEAN, CONTAINER_ELEMENT -> appendPosition(field, node, parameter);
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter != null ? parameter : WHOLE_REQUEST;
    }

    /**
     * Bean Validation marks a node inside a list by the node's own index, so the position
     * follows the container's name.
     */
    private static void appendPosition(StringBuilder field, Path.Node node, String parameter) {
        if (!node.isInIterable() || (node.getIndex() == null && node.getKey() == null)) {
            return;
        }
        if (field.isEmpty() && parameter != null) {
            field.append(parameter);
        }
        field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
    }

}
