package io.sagashop.support.openapi;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;

import io.sagashop.problem.openapi.ConstrainedParameters;
import io.sagashop.problem.openapi.ProblemResponses;
import io.sagashop.problem.openapi.RecordSchemas;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * Makes every service's OpenAPI description tell what the service answers, the same way
 * in each: the bearer token every call needs, the problems any call can end in (bad
 * input, no or the wrong token, an issuer that cannot be reached), each error as
 * {@code application/problem+json}, and the records' nullable fields and rules. A
 * controller declares only its own answers: the 201 of a first write, a 404, a 409, a
 * 422.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
public class ServiceOpenApiAutoConfiguration {

    static final String BEARER = "bearer";

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses(Map.of("400",
                "Invalid request: a parameter, header or body field breaks a rule; errors names each one and why",
                "401", "No access token, or one that is expired, forged or for another service", "403",
                "The access token does not allow this call", "503",
                "The access token cannot be checked now (the issuer's keys are unreachable); retry later"),
                Map.of("413", "The body is larger than the request limit", "415",
                        "The body is not sent as application/json"));
    }

    @Bean
    RecordSchemas recordSchemas() {
        return new RecordSchemas();
    }

    @Bean
    ConstrainedParameters constrainedParameters() {
        return new ConstrainedParameters();
    }

    @Bean
    GlobalOpenApiCustomizer bearerToken(@Value("${spring.application.name}") String service) {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.components(new Components());
            }
            openApi.getComponents()
                .addSecuritySchemes(BEARER,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .bearerFormat("JWT")
                            .description("An access token of the shop's issuer whose audience includes " + service
                                    + "; each operation needs the scope or role its description names"));
            openApi.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
        };
    }

}
