package io.sagashop.inventory.reservation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

class DistinctSkusValidator implements ConstraintValidator<DistinctSkus, ReservationRequest> {

    @Override
    public boolean isValid(ReservationRequest request, ConstraintValidatorContext context) {
        if (request == null || request.lines() == null) {
            return true;
        }
        List<ReservationRequest.Line> lines = request.lines();
        Set<String> seen = new HashSet<>();
        boolean valid = true;
        for (int index = 0; index < lines.size(); index++) {
            ReservationRequest.Line line = lines.get(index);
            if (line == null || line.sku() == null || seen.add(line.sku())) {
                continue;
            }
            if (valid) {
                context.disableDefaultConstraintViolation();
                valid = false;
            }
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                .addPropertyNode("lines")
                .addPropertyNode("sku")
                .inIterable()
                .atIndex(index)
                .addConstraintViolation();
        }
        return valid;
    }

}
