package io.sagashop.gateway.security;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The browser's sign-in and sign-out at the issuer, beyond the client registration
 * ({@code spring.security.oauth2.client.*}).
 *
 * @param endSessionUri the issuer's end-session endpoint (OpenID Connect RP-initiated
 * logout), as a browser reaches it; set explicitly, since the gateway reads no discovery
 * document
 * @param postLogoutRedirectUri where the issuer sends the browser back after signing out,
 * a template of {@code {baseUrl}}
 */
@Validated
@ConfigurationProperties("sagashop.gateway.sign-in")
record SignInProperties(@NotNull URI endSessionUri,
        @DefaultValue("{baseUrl}/") @NotBlank String postLogoutRedirectUri) {
}
