package io.sagashop.gateway.openapi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.sagashop.problem.openapi.ConstrainedParameters;
import io.sagashop.problem.openapi.RecordSchemas;

/**
 * The conventions of every API description in Saga Shop, as the services' have them:
 * records say which fields may be null ({@code @Nullable}) and what their constraints
 * are, and parameters state theirs, so a generated client and a fuzzer checking answers
 * against the description expect exactly what is sent.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConventions {

    @Bean
    RecordSchemas recordSchemas() {
        return new RecordSchemas();
    }

    @Bean
    ConstrainedParameters constrainedParameters() {
        return new ConstrainedParameters();
    }

}
