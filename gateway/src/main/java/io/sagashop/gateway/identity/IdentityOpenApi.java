package io.sagashop.gateway.identity;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;

/**
 * Documents the identity headers on every operation that needs a caller, so controllers
 * only declare a {@link Shopper} or {@link Operator} parameter and the API description
 * changes here when JWTs replace them.
 */
@Configuration(proxyBeanMethods = false)
class IdentityOpenApi {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Shopper.class, Operator.class);
    }

    @Bean
    OperationCustomizer callerHeaders() {
        return (operation, handlerMethod) -> {
            for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
                if (parameter.getParameterType() == Shopper.class) {
                    operation.addParametersItem(new HeaderParameter().name(CallerArgumentResolver.CUSTOMER_HEADER)
                        .required(true)
                        .description("The calling shopper's customer id (until authentication arrives)")
                        .schema(new StringSchema().format("uuid")));
                }
                else if (parameter.getParameterType() == Operator.class) {
                    operation.addParametersItem(new HeaderParameter().name(CallerArgumentResolver.OPERATOR_HEADER)
                        .required(true)
                        .description("The calling operator's name (until authentication arrives)")
                        .schema(new StringSchema().maxLength(100)));
                }
            }
            return operation;
        };
    }

}
