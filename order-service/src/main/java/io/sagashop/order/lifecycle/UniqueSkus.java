package io.sagashop.order.lifecycle;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Each SKU appears on one line only; the error names the repeating line
 * ({@code lines[2].sku}).
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = UniqueSkusValidator.class)
@interface UniqueSkus {

    String message() default "repeats a SKU of an earlier line; put the whole quantity on one line";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

}
