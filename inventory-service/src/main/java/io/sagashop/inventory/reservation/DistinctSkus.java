package io.sagashop.inventory.reservation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Each SKU appears in one line only: two lines for one SKU would be ambiguous on replay
 * and would lock the same product row twice. Reports each repeat at {@code lines[i].sku}.
 */
@Documented
@Constraint(validatedBy = DistinctSkusValidator.class)
@Target(TYPE)
@Retention(RUNTIME)
@interface DistinctSkus {

    String message() default "repeats the SKU of an earlier line; send one line per SKU";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

}
