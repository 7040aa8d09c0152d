package io.sagashop.problem;

import java.util.Collection;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says why Jackson could not read a body, in the request's terms, the same in the servlet
 * services and the reactive gateway. Jackson's own messages name the Java type the body
 * was bound to and the parser settings that refused it ({@code FAIL_ON_TRAILING_TOKENS},
 * {@code StreamReadConstraints}), which mean nothing to a client and describe the
 * server's insides.
 */
public final class UnreadableJson {

    private static final String NOT_JSON = "Request body is not valid JSON: ";

    private UnreadableJson() {
    }

    /**
     * The problem to answer for a body that could not be read: a property given twice or
     * a field of the wrong type names the field ({@code invalid-request}), anything else
     * the body ({@code malformed-request}). {@code ex} is null when the failure was not
     * Jackson's (no body at all, say).
     */
    public static ProblemException problem(@Nullable JacksonException ex) {
        if (ex == null) {
            return new MalformedRequestException("Request body is missing or unreadable");
        }
        String duplicated = FieldNames.duplicatedProperty(ex);
        if (duplicated != null) {
            return new InvalidRequestException(duplicated, Reasons.GIVEN_TWICE);
        }
        if (namesAField(ex)) {
            return new InvalidRequestException(FieldNames.jsonPath(ex.getPath()), fieldReason(ex));
        }
        return new MalformedRequestException(bodyDetail(ex));
    }

    /**
     * Whether the failure belongs to one field of the body, to be named as
     * {@link FieldNames#jsonPath}.
     */
    private static boolean namesAField(JacksonException ex) {
        return !ex.getPath().isEmpty() && (ex instanceof DatabindException || ex instanceof InputCoercionException);
    }

    private static String fieldReason(JacksonException ex) {
        if (ex instanceof UnrecognizedPropertyException) {
            return Reasons.UNKNOWN_PROPERTY;
        }
        if (ex instanceof InputCoercionException) {
            return Reasons.OUT_OF_RANGE;
        }
        if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return Reasons.mustBe(mismatch.getTargetType());
        }
        return Reasons.UNREADABLE;
    }

    /**
     * The detail for a body that failed as a whole: not JSON, cut short, over a limit, or
     * of the wrong shape.
     */
    private static String bodyDetail(JacksonException ex) {
        return switch (ex) {
            case UnexpectedEndOfInputException end -> NOT_JSON + "it ends before the JSON is complete";
            case StreamConstraintsException limit -> NOT_JSON + overLimit(limit);
            case StreamReadException syntax when !(syntax instanceof InputCoercionException) ->
                NOT_JSON + "unexpected character" + at(syntax.getLocation());
            // Jackson marks content after the value only by its message, not by a type of
            // its own.
            case MismatchedInputException trailing when trailing.getOriginalMessage().startsWith("Trailing token") ->
                NOT_JSON + "unexpected content after the object";
            case MismatchedInputException shape when shape.getTargetType() != null
                    && (shape.getTargetType().isArray() || Collection.class.isAssignableFrom(shape.getTargetType())) ->
                "Request body must be a JSON array";
            case MismatchedInputException shape -> "Request body must be a JSON object";
            default -> "Request body cannot be read";
        };
    }

    /** One exception type covers every parser limit; only its message says which. */
    private static String overLimit(StreamConstraintsException ex) {
        String message = String.valueOf(ex.getOriginalMessage());
        if (message.contains("nesting depth")) {
            return "arrays and objects are nested too deeply";
        }
        if (message.startsWith("Number value length")) {
            return "a number has more digits than allowed";
        }
        if (message.startsWith("String value length")) {
            return "a string is longer than allowed";
        }
        if (message.startsWith("Name length")) {
            return "a property name is longer than allowed";
        }
        return "it is larger or more complex than allowed";
    }

    private static String at(@Nullable TokenStreamLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

}
