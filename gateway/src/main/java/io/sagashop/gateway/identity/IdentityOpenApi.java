package io.sagashop.gateway.identity;

import java.util.Arrays;
import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import io.sagashop.gateway.problem.ProblemDocs;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * Documents how a caller authenticates (a Bearer JWT, or the browser's session cookie) on
 * every operation that needs one, with the refusals (401, 403) and limits (429) that come
 * with it ({@link ProblemDocs}), so controllers only declare a {@link Shopper},
 * {@link Operator} or {@link Caller} parameter, which never appears as a parameter of the
 * API.
 */
@Configuration(proxyBeanMethods = false)
class IdentityOpenApi {

    static final String BEARER = "bearer";

    static final String SESSION = "session";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Shopper.class, Operator.class, Reader.class, Caller.class);
    }

    @Bean
    OpenApiCustomizer securitySchemes(ServerProperties server) {
        String sessionCookie = server.getReactive().getSession().getCookie().getName();
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.components(new Components());
            }
            openApi.getComponents()
                .addSecuritySchemes(BEARER,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .bearerFormat("JWT")
                            .description("An access token of the shop's issuer with the audience gateway"))
                .addSecuritySchemes(SESSION,
                        new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                            .in(SecurityScheme.In.COOKIE)
                            .name(sessionCookie)
                            .description("The browser's session after signing in at /oauth2/authorization/sagashop; "
                                    + "a state-changing call also sends the XSRF-TOKEN cookie's value in the "
                                    + "X-XSRF-TOKEN header"));
        };
    }

    @Bean
    OperationCustomizer callerSecurity() {
        return (operation, handlerMethod) -> {
            List<Class<?>> types = Arrays.stream(handlerMethod.getMethodParameters())
                .<Class<?>>map(parameter -> parameter.getParameterType())
                .toList();
            boolean needsCaller = types.stream()
                .anyMatch(type -> type == Shopper.class || type == Operator.class || type == Reader.class
                        || type == Caller.class);
            if (needsCaller) {
                operation.addSecurityItem(new SecurityRequirement().addList(BEARER))
                    .addSecurityItem(new SecurityRequirement().addList(SESSION));
                ProblemDocs.addCommon(operation);
            }
            // Any caller will do for a Caller; a Shopper, an Operator or a Reader
            // (either)
            // is refused to anyone else.
            if (types.contains(Shopper.class) || types.contains(Operator.class) || types.contains(Reader.class)) {
                ProblemDocs.add(operation, HttpStatus.FORBIDDEN);
            }
            return operation;
        };
    }

}
