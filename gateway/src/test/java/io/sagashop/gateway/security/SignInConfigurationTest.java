package io.sagashop.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * The client registration gets what discovery would have given it, from configuration:
 * the issuer its ID tokens must name, the end-session endpoint, PKCE.
 */
class SignInConfigurationTest {

    private final SignInConfiguration configuration = new SignInConfiguration();

    private final SignInProperties signIn = new SignInProperties(URI.create("http://localhost:9000/connect/logout"),
            "{baseUrl}/");

    @Test
    void theRegistrationNamesTheIssuerItsEndSessionEndpointAndPkce() {
        ClientRegistration registration = configuration
            .clientRegistrationRepository(client("a-secret"), resourceServer("http://localhost:9000"), signIn)
            .findByRegistrationId("sagashop")
            .block();

        assertThat(registration.getProviderDetails().getIssuerUri()).isEqualTo("http://localhost:9000");
        assertThat(registration.getProviderDetails().getConfigurationMetadata()).containsEntry("end_session_endpoint",
                "http://localhost:9000/connect/logout");
        assertThat(registration.getClientSettings().isRequireProofKey()).isTrue();
        assertThat(registration.getProviderDetails().getAuthorizationUri())
            .isEqualTo("http://localhost:9000/oauth2/authorize");
        assertThat(registration.getProviderDetails().getTokenUri()).isEqualTo("http://auth-server:9000/oauth2/token");
    }

    @Test
    void refusesToStartWithoutTheClientSecret() {
        assertThatThrownBy(() -> configuration.clientRegistrationRepository(client(""),
                resourceServer("http://localhost:9000"), signIn))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("SAGASHOP_GATEWAY_CLIENT_SECRET");
    }

    private static OAuth2ClientProperties client(String secret) {
        OAuth2ClientProperties properties = new OAuth2ClientProperties();
        OAuth2ClientProperties.Registration registration = new OAuth2ClientProperties.Registration();
        registration.setProvider("sagashop");
        registration.setClientId("gateway");
        registration.setClientSecret(secret);
        registration.setAuthorizationGrantType("authorization_code");
        registration.setRedirectUri("{baseUrl}/login/oauth2/code/{registrationId}");
        registration.setScope(Set.of("openid", "profile", "shop"));
        properties.getRegistration().put("sagashop", registration);
        OAuth2ClientProperties.Provider provider = new OAuth2ClientProperties.Provider();
        provider.setAuthorizationUri("http://localhost:9000/oauth2/authorize");
        provider.setTokenUri("http://auth-server:9000/oauth2/token");
        provider.setJwkSetUri("http://auth-server:9000/oauth2/jwks");
        provider.setUserNameAttribute("sub");
        properties.getProvider().put("sagashop", provider);
        return properties;
    }

    private static OAuth2ResourceServerProperties resourceServer(String issuer) {
        OAuth2ResourceServerProperties properties = new OAuth2ResourceServerProperties();
        properties.getJwt().setIssuerUri(issuer);
        return properties;
    }

}
