package io.sagashop.problem;

import java.util.LinkedList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;

/**
 * How an {@link InvalidField} names what was wrong, the same in the servlet services and
 * the reactive gateway: a JSON path into the body, or the name a client sends a header,
 * path variable or parameter by.
 */
public final class FieldNames {

    /**
     * How Jackson 3 words the failure of
     * {@code StreamReadFeature.STRICT_DUPLICATE_DETECTION}.
     */
    private static final String DUPLICATE_MESSAGE = "Duplicate Object property";

    private FieldNames() {
    }

    /** The path Jackson was reading when it failed, as {@code lines[0].quantity}. */
    public static String jsonPath(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /**
     * The path of a property the body gives twice, as {@code lines[0].sku}, or null if
     * {@code ex} is another failure. The parser reports a duplicate with no path of its
     * own, but its context is still where it stopped: on the duplicated name.
     */
    public static @Nullable String duplicatedProperty(JacksonException ex) {
        if (!(ex instanceof StreamReadException read) || !(read.processor() instanceof JsonParser parser)
                || !String.valueOf(read.getOriginalMessage()).startsWith(DUPLICATE_MESSAGE)) {
            return null;
        }
        LinkedList<JacksonException.Reference> path = new LinkedList<>();
        for (TokenStreamContext context = parser.streamReadContext(); context != null
                && !context.inRoot(); context = context.getParent()) {
            if (context.inArray()) {
                path.addFirst(new JacksonException.Reference(null, context.getCurrentIndex()));
            }
            else if (context.currentName() != null) {
                path.addFirst(new JacksonException.Reference(null, context.currentName()));
            }
        }
        return path.isEmpty() ? null : jsonPath(path);
    }

    /**
     * The header, path variable or request parameter name rather than the Java
     * parameter's.
     */
    public static String parameterName(MethodParameter parameter) {
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        String name = parameter.getParameterName();
        return name != null ? name : "argument " + parameter.getParameterIndex();
    }

}
