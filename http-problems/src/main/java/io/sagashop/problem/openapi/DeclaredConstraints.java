package io.sagashop.problem.openapi;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;

import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a value's Bean Validation annotations enforce, written into its schema where
 * swagger-core leaves it out: the rules a shared constraint such as {@code @Sku} is
 * composed of, and patterns anchored at both ends, since {@code @Pattern} matches the
 * whole value and a JSON Schema pattern any part of it. A constraint whose rules do not
 * translate (a Java-only regular expression, a check in code) states its schema with
 * swagger's {@code @Schema} on the constraint itself, which wins.
 */
final class DeclaredConstraints {

    private DeclaredConstraints() {
    }

    static void apply(Schema<?> schema, Annotation[] annotations) {
        if (schema == null || schema.get$ref() != null) {
            return;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof Pattern pattern) {
                schema.setPattern(anchored(pattern.regexp()));
            }
            else if (annotation.annotationType().isAnnotationPresent(Constraint.class)
                    && !annotation.annotationType().getPackageName().startsWith("jakarta.validation")) {
                applyComposed(schema, annotation.annotationType());
            }
        }
    }

    private static void applyComposed(Schema<?> schema, Class<? extends Annotation> constraint) {
        for (Annotation rule : constraint.getAnnotations()) {
            switch (rule) {
                case Pattern pattern -> schema.setPattern(anchored(pattern.regexp()));
                case Size size -> {
                    if (size.min() > 0) {
                        schema.setMinLength(size.min());
                    }
                    if (size.max() < Integer.MAX_VALUE) {
                        schema.setMaxLength(size.max());
                    }
                }
                case Min min -> schema.setMinimum(BigDecimal.valueOf(min.value()));
                case Max max -> schema.setMaximum(BigDecimal.valueOf(max.value()));
                default -> {
                }
            }
        }
        io.swagger.v3.oas.annotations.media.Schema stated = constraint
            .getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        if (stated != null) {
            if (!stated.pattern().isEmpty()) {
                schema.setPattern(stated.pattern());
            }
            if (!stated.description().isEmpty() && schema.getDescription() == null) {
                schema.setDescription(stated.description());
            }
            if (!stated.example().isEmpty() && schema.getExample() == null) {
                schema.setExample(stated.example());
            }
        }
    }

    static String anchored(String regexp) {
        if (regexp.startsWith("^") && regexp.endsWith("$")) {
            return regexp;
        }
        return "^(?:" + regexp + ")$";
    }

}
