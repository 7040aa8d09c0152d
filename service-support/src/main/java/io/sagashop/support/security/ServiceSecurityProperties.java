package io.sagashop.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/**
 * What a service reads from a token beyond Boot's resource-server settings.
 *
 * @param rolesClaim the claim holding the caller's roles; a dotted path reaches into an
 * object, as Keycloak's {@code realm_access.roles} (env {@code SAGASHOP_ROLES_CLAIM})
 */
@ConfigurationProperties("sagashop.security")
@Validated
public record ServiceSecurityProperties(@DefaultValue("roles") @NotBlank String rolesClaim) {

}
