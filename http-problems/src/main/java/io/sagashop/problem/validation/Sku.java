package io.sagashop.problem.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A stock keeping unit such as {@code COF-ESPRESSO-250}. The gateway, the inventory and
 * the order service check it alike, and inventory's product table checks the same format,
 * so a value that passes here can name a product. {@code null} is valid; combine with
 * {@code @NotNull} where required.
 */
@Documented
@Constraint(validatedBy = {})
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
@ReportAsSingleViolation
@Size(min = 3, max = 32)
@Pattern(regexp = Sku.PATTERN)
public @interface Sku {

    String PATTERN = "^[A-Z0-9]+(-[A-Z0-9]+)*$";

    String message() default "must be 3 to 32 upper-case letters and digits in groups joined by single hyphens, "
            + "like COF-ESPRESSO-250";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

}
