package io.sagashop.problem.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Free text given with a change of an order (a shopper's cancel reason, an operator's
 * comment, the reason the saga records), as the order service's columns keep it: at most
 * {@value #MAX_LENGTH} characters, and no control characters but tab and line breaks.
 * PostgreSQL cannot store NUL in text at all, and the other control characters only hide
 * what was written, in the database and in the run's history. The gateway and the order
 * service enforce it alike; the worker shortens and cleans what it sends to fit. Null is
 * valid; add {@code @NotBlank} where a reason is required.
 */
@Documented
@Constraint(validatedBy = {})
@Size(max = Reason.MAX_LENGTH, message = "must be at most " + Reason.MAX_LENGTH + " characters")
@Pattern(regexp = Reason.ALLOWED_TEXT, message = "must not contain control characters other than tab and line breaks")
// The same rule in the OpenAPI description, in words every JSON Schema engine reads (no
// \P{Cc}).
@Schema(pattern = Reason.ALLOWED_TEXT_PORTABLE)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface Reason {

    int MAX_LENGTH = 500;

    /**
     * Any text but Unicode's control characters (C0, DEL and C1), of which tab, line feed
     * and carriage return are allowed.
     */
    String ALLOWED_TEXT = "[\\P{Cc}\\t\\n\\r]*";

    /**
     * {@link #ALLOWED_TEXT} as ECMA-262 and Python write it: C0, DEL and C1 but tab, LF
     * and CR.
     */
    String ALLOWED_TEXT_PORTABLE = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]*$";

    /** Unused: each composing rule reports its own message. */
    String message() default "must be a reason of at most " + MAX_LENGTH + " characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

}
