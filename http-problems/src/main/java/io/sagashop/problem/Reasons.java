package io.sagashop.problem;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.springframework.util.ClassUtils;

/**
 * The wording of the reasons in {@link InvalidField}s that no validation annotation
 * gives, the same in every API: read after the field's name
 * ({@code lines[0].quantity must be a
 * whole number}), in the request's terms rather than Java's.
 */
public final class Reasons {

    public static final String REQUIRED = "is required";

    public static final String GIVEN_TWICE = "is given more than once";

    public static final String UNKNOWN_PROPERTY = "is not a known property";

    public static final String OUT_OF_RANGE = "is out of range";

    public static final String UNREADABLE = "has an unreadable value";

    /** Of a path that a firewall refuses to map onto an endpoint. */
    public static final String NORMALIZED_PATH = "must be a normalized path without ';', '//', '.' or '..' segments, "
            + "'\\' or an encoded '.', '%' or '/'";

    private Reasons() {
    }

    /**
     * What a value of {@code type} has to be, for a body's field, a header, a path
     * variable or a parameter alike: {@code must be a whole number}, {@code must be one
     * of [RED, GREEN]}.
     */
    public static String mustBe(Class<?> type) {
        return "must be " + expected(type);
    }

    private static String expected(Class<?> type) {
        Class<?> boxed = ClassUtils.resolvePrimitiveIfNecessary(type);
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        // 2.9 for a quantity is a number, just not one that may be rounded silently.
        if (boxed == Integer.class || boxed == Long.class || boxed == Short.class || boxed == Byte.class
                || boxed == BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(boxed)) {
            return "a number";
        }
        if (boxed == Boolean.class) {
            return "a boolean";
        }
        if (CharSequence.class.isAssignableFrom(boxed) || boxed == Character.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        return isObject(type) ? "an object" : "a valid " + type.getSimpleName();
    }

    /**
     * Records, other beans and maps are JSON objects; the JDK's value types (dates, URIs)
     * are not.
     */
    private static boolean isObject(Class<?> type) {
        return Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.");
    }

}
