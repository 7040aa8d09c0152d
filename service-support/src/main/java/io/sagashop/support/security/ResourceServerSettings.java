package io.sagashop.support.security;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;

/**
 * Refuses to start a service whose resource-server settings are incomplete. Without a key
 * set Boot builds no decoder; without an issuer or an audience its decoder accepts tokens
 * of any issuer, or tokens meant for another service. Either way the service must not
 * run.
 */
final class ResourceServerSettings {

    private static final String PREFIX = "spring.security.oauth2.resourceserver.jwt.";

    private ResourceServerSettings() {
    }

    static void requireComplete(OAuth2ResourceServerProperties.Jwt jwt) {
        requireText("issuer-uri", jwt.getIssuerUri(),
                "must name the issuer whose tokens this service accepts (SAGASHOP_ISSUER_URI)");
        requireText("jwk-set-uri", jwt.getJwkSetUri(), "must name where the issuer's keys are fetched "
                + "(SAGASHOP_JWK_SET_URI); it is set explicitly so that no issuer discovery runs at start");
        List<String> audiences = jwt.getAudiences();
        if (audiences.isEmpty() || audiences.stream().anyMatch(ResourceServerSettings::unset)) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + "audiences", audiences,
                    "must name this service, the audience its tokens carry (by default spring.application.name)");
        }
    }

    private static void requireText(String name, @Nullable String value, String reason) {
        if (value == null || unset(value)) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + name, value, reason);
        }
    }

    /** Blank, or a placeholder nothing resolved. */
    private static boolean unset(String value) {
        return value.isBlank() || value.contains("${");
    }

}
