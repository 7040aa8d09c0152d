package io.sagashop.gateway.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;
import org.springframework.util.StringUtils;

import io.sagashop.gateway.identity.RolesClaim;

/**
 * The browser's sign-in at the issuer (OpenID Connect, authorization code with PKCE, as
 * the confidential client {@code gateway}) and the tokens the gateway keeps for a
 * session.
 *
 * <p>
 * The issuer's endpoints are configured one by one rather than discovered, since the
 * browser and the gateway may reach the issuer at different addresses (under compose,
 * {@code localhost:9000} and {@code auth-server:9000}), while a token's {@code iss} is
 * the one public URL: the ID token's issuer is checked against the resource server's
 * {@code issuer-uri}, the same value an access token's is.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ OAuth2ClientProperties.class, OAuth2ResourceServerProperties.class })
class SignInConfiguration {

    static final String REGISTRATION_ID = "sagashop";

    static final String SIGN_IN_PATH = "/oauth2/authorization/" + REGISTRATION_ID;

    @Bean
    ReactiveClientRegistrationRepository clientRegistrationRepository(OAuth2ClientProperties client,
            OAuth2ResourceServerProperties resourceServer, SignInProperties signIn) {
        String issuer = resourceServer.getJwt().getIssuerUri();
        if (!StringUtils.hasText(issuer)) {
            throw new IllegalStateException("spring.security.oauth2.resourceserver.jwt.issuer-uri "
                    + "(SAGASHOP_ISSUER_URI) is required: sign-in checks the ID token's issuer against it");
        }
        List<ClientRegistration> registrations = new OAuth2ClientPropertiesMapper(client).asClientRegistrations()
            .values()
            .stream()
            .map(registration -> withIssuer(registration, issuer, signIn))
            .toList();
        return new InMemoryReactiveClientRegistrationRepository(registrations);
    }

    private static ClientRegistration withIssuer(ClientRegistration registration, String issuer,
            SignInProperties signIn) {
        if (!StringUtils.hasText(registration.getClientSecret())) {
            throw new IllegalStateException("The client secret of registration '" + registration.getRegistrationId()
                    + "' is empty: set SAGASHOP_GATEWAY_CLIENT_SECRET to the secret the issuer holds for client '"
                    + registration.getClientId() + "'");
        }
        return ClientRegistration.withClientRegistration(registration)
            .issuerUri(issuer)
            .providerConfigurationMetadata(Map.of("end_session_endpoint", signIn.endSessionUri().toString()))
            // Security 7 sends a PKCE challenge for every authorization-code client by
            // default; said here because the issuer refuses a request without one.
            .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
            .build();
    }

    /**
     * A session's tokens live in the session itself: they end with it (sign-out, idle
     * timeout) and take no memory beyond the session store's bound.
     */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(
                registrations, authorizedClients);
        manager.setAuthorizedClientProvider(
                ReactiveOAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().refreshToken().build());
        return manager;
    }

    /** A session's roles come from its ID token, read as an access token's are. */
    @Bean
    GrantedAuthoritiesMapper rolesFromIdToken(RolesClaim roles) {
        return authorities -> {
            Set<GrantedAuthority> mapped = new LinkedHashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OAuth2UserAuthority user) {
                    mapped.addAll(roles.authorities(user.getAttributes()));
                }
            }
            return mapped;
        };
    }

}
