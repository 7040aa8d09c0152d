package io.sagashop.support.currency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A currency code that ISO 4217 defines, upper-case as the standard writes it:
 * {@code EUR}, never {@code eur} nor {@code XYZ}. Whether the shop trades in it is
 * {@link ShopCurrencies}' question, answered 422, not 400. Null is valid; combine with
 * {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = CurrencyCodeValidator.class)
@Schema(pattern = "^[A-Z]{3}$", description = "An ISO 4217 currency code", example = "EUR")
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface CurrencyCode {

    String message() default "must be an ISO 4217 currency code such as EUR";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

}
