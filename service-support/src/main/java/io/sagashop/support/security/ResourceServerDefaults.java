package io.sagashop.support.security;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * The identity contract's settings for every service, in one place: the issuer and its
 * key set from {@code SAGASHOP_ISSUER_URI} and {@code SAGASHOP_JWK_SET_URI}, the
 * service's own name as the audience, the roles claim from {@code SAGASHOP_ROLES_CLAIM}.
 * Contributed as Boot's default properties, the lowest precedence: a service's
 * application.yml, the environment
 * ({@code SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI}, ...) and test properties
 * all override them. Both URIs are explicit, so no issuer discovery runs.
 */
public class ResourceServerDefaults implements EnvironmentPostProcessor {

    private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

    private static final String ISSUER_URI = "${SAGASHOP_ISSUER_URI:http://localhost:9000}";

    static final Map<String, Object> DEFAULTS = Map.ofEntries(Map.entry(JWT + "issuer-uri", ISSUER_URI),
            Map.entry(JWT + "jwk-set-uri", "${SAGASHOP_JWK_SET_URI:" + ISSUER_URI + "/oauth2/jwks}"),
            Map.entry(JWT + "audiences", "${spring.application.name}"),
            Map.entry("sagashop.security.roles-claim", "${SAGASHOP_ROLES_CLAIM:roles}"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Merged into the application's own default properties, which keep their values.
        Map<String, Object> absent = new HashMap<>(DEFAULTS);
        PropertySource<?> applicationDefaults = environment.getPropertySources()
            .get(DefaultPropertiesPropertySource.NAME);
        if (applicationDefaults != null) {
            absent.keySet().removeIf(applicationDefaults::containsProperty);
        }
        DefaultPropertiesPropertySource.addOrMerge(absent, environment.getPropertySources());
    }

}
