package io.sagashop.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The identity contract's defaults, as a service resolves them. A variable given on the
 * command line resolves as the environment's would.
 */
class ResourceServerDefaultsTest {

    private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

    @Test
    void aLocalRunTrustsTheAuthServerOnPort9000ForItsOwnName() {
        Environment environment = environment("--spring.application.name=payment-service");

        assertThat(environment.getProperty(JWT + "issuer-uri")).isEqualTo("http://localhost:9000");
        assertThat(environment.getProperty(JWT + "jwk-set-uri")).isEqualTo("http://localhost:9000/oauth2/jwks");
        assertThat(environment.getProperty(JWT + "audiences")).isEqualTo("payment-service");
        assertThat(environment.getProperty("sagashop.security.roles-claim")).isEqualTo("roles");
    }

    @Test
    void theKeySetFollowsTheIssuer() {
        Environment environment = environment("--SAGASHOP_ISSUER_URI=https://id.example");

        assertThat(environment.getProperty(JWT + "issuer-uri")).isEqualTo("https://id.example");
        assertThat(environment.getProperty(JWT + "jwk-set-uri")).isEqualTo("https://id.example/oauth2/jwks");
    }

    @Test
    void theKeySetMayBeFetchedFromAnInternalAddress() {
        Environment environment = environment("--SAGASHOP_JWK_SET_URI=http://auth-server:9000/oauth2/jwks");

        assertThat(environment.getProperty(JWT + "issuer-uri")).isEqualTo("http://localhost:9000");
        assertThat(environment.getProperty(JWT + "jwk-set-uri")).isEqualTo("http://auth-server:9000/oauth2/jwks");
    }

    @Test
    void theRolesClaimHasAVariable() {
        Environment environment = environment("--SAGASHOP_ROLES_CLAIM=realm_access.roles");

        assertThat(environment.getProperty("sagashop.security.roles-claim")).isEqualTo("realm_access.roles");
    }

    @Test
    void bootsOwnPropertiesOverrideTheDefaults() {
        Environment environment = environment("--" + JWT + "issuer-uri=https://login.example",
                "--" + JWT + "audiences=orders-api");

        assertThat(environment.getProperty(JWT + "issuer-uri")).isEqualTo("https://login.example");
        assertThat(environment.getProperty(JWT + "jwk-set-uri")).isEqualTo("http://localhost:9000/oauth2/jwks");
        assertThat(environment.getProperty(JWT + "audiences")).isEqualTo("orders-api");
    }

    @Test
    void anApplicationsOwnDefaultPropertiesKeepTheirValues() {
        SpringApplication application = new SpringApplicationBuilder(NoBeans.class).web(WebApplicationType.NONE)
            .properties(JWT + "issuer-uri=https://login.example")
            .build();

        Environment environment = environment(application);

        assertThat(environment.getProperty(JWT + "issuer-uri")).isEqualTo("https://login.example");
        assertThat(environment.getProperty(JWT + "jwk-set-uri")).isEqualTo("http://localhost:9000/oauth2/jwks");
    }

    private static Environment environment(String... args) {
        return environment(new SpringApplicationBuilder(NoBeans.class).web(WebApplicationType.NONE).build(), args);
    }

    private static Environment environment(SpringApplication application, String... args) {
        try (ConfigurableApplicationContext context = application.run(args)) {
            return context.getEnvironment();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {

    }

}
