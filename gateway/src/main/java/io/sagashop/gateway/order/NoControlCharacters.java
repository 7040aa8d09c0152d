package io.sagashop.gateway.order;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;

/**
 * Free text a shopper or operator writes holds no control characters but tab and line
 * breaks: such text ends up in the order service's PostgreSQL, which cannot store NUL,
 * and in the run's history, where the others only hide what was written.
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = "[\\P{Cc}\\t\\n\\r]*")
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@interface NoControlCharacters {

    @OverridesAttribute(constraint = Pattern.class, name = "message")
    String message() default "must not contain control characters other than tab and line breaks";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

}
