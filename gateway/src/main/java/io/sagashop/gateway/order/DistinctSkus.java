package io.sagashop.gateway.order;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Each SKU appears on one line only: a repeated SKU is almost always a client bug, and
 * the inventory reserves per SKU, so two lines of the same SKU would be ambiguous.
 */
@Documented
@Constraint(validatedBy = DistinctSkus.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@interface DistinctSkus {

    String message() default "must not list the same SKU twice";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<DistinctSkus, List<OrderLineRequest>> {

        @Override
        public boolean isValid(List<OrderLineRequest> lines, ConstraintValidatorContext context) {
            if (lines == null) {
                return true;
            }
            Set<String> seen = new HashSet<>();
            return lines.stream()
                .filter(Objects::nonNull)
                .map(OrderLineRequest::sku)
                .filter(Objects::nonNull)
                .allMatch(seen::add);
        }

    }

}
