package io.sagashop.order.lifecycle;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

class UniqueSkusValidator implements ConstraintValidator<UniqueSkus, List<CreateOrderRequest.Line>> {

    @Override
    public boolean isValid(List<CreateOrderRequest.Line> lines, ConstraintValidatorContext context) {
        if (lines == null) {
            return true;
        }
        Set<String> seen = new HashSet<>();
        boolean valid = true;
        for (int index = 0; index < lines.size(); index++) {
            CreateOrderRequest.Line line = lines.get(index);
            if (line != null && line.sku() != null && !seen.add(line.sku())) {
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
        }
        return valid;
    }

}
