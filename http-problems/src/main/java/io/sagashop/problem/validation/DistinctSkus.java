package io.sagashop.problem.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Each SKU appears on one line of an order only: a repeated SKU is almost always a client
 * bug, and the inventory reserves and locks per SKU, so two lines of one SKU would be
 * ambiguous on replay. The gateway, the inventory and the order service enforce it alike,
 * each repeat reported at its line ({@code lines[2].sku}). Put it on the list of lines,
 * whose elements implement {@link Line}; null lines and SKUs are left to
 * {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = DistinctSkus.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface DistinctSkus {

    String message() default "repeats the SKU of an earlier line; put the whole quantity on one line";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A line of an order, as far as this rule is concerned. */
    interface Line {

        String sku();

    }

    class Validator implements ConstraintValidator<DistinctSkus, List<? extends Line>> {

        @Override
        public boolean isValid(List<? extends Line> lines, ConstraintValidatorContext context) {
            if (lines == null) {
                return true;
            }
            Set<String> seen = new HashSet<>();
            boolean valid = true;
            for (int index = 0; index < lines.size(); index++) {
                Line line = lines.get(index);
                if (line == null || line.sku() == null || seen.add(line.sku())) {
                    continue;
                }
                if (valid) {
                    context.disableDefaultConstraintViolation();
                    valid = false;
                }
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("sku")
                    .inIterable()
                    .atIndex(index)
                    .addConstraintViolation();
            }
            return valid;
        }

    }

}
