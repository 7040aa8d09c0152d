package io.sagashop.gateway.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/**
 * How the issuer's tokens say who someone is.
 *
 * @param rolesClaim the claim that lists a person's roles ({@code SHOPPER},
 * {@code OPERATOR}); a dotted path reaches into an object, as Keycloak's
 * {@code realm_access.roles}
 */
@Validated
@ConfigurationProperties("sagashop.security")
public record IdentityProperties(@DefaultValue("roles") @NotBlank String rolesClaim) {
}
