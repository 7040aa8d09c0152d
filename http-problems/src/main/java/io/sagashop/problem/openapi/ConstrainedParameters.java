package io.sagashop.problem.openapi;

import org.springdoc.core.customizers.ParameterCustomizer;
import org.springframework.core.MethodParameter;

import io.swagger.v3.oas.models.parameters.Parameter;

/**
 * A path variable, query parameter or header documented with the rules its annotations
 * enforce, as {@link DeclaredConstraints} words them: a {@code @Sku} path variable gets
 * the SKU's pattern and length.
 */
public class ConstrainedParameters implements ParameterCustomizer {

    @Override
    public Parameter customize(Parameter parameter, MethodParameter methodParameter) {
        if (parameter != null) {
            DeclaredConstraints.apply(parameter.getSchema(), methodParameter.getParameterAnnotations());
        }
        return parameter;
    }

}
