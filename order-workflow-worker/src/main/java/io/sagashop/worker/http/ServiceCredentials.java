package io.sagashop.worker.http;

import java.util.List;

import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;

/**
 * The worker's own access token on every call to a service: the client-credentials grant
 * of the registration {@value #REGISTRATION_ID} (application.yml), fetched when first
 * needed and reused until it nears its expiry. A 401 or 403 drops it, so the activity's
 * next attempt asks for a fresh one.
 */
@Component
public class ServiceCredentials {

    public static final String REGISTRATION_ID = "saga-worker";

    /**
     * Client credentials act for no user; the authorized-client store still wants a
     * principal to file the token under.
     */
    private static final Authentication WORKER = new AnonymousAuthenticationToken(REGISTRATION_ID, REGISTRATION_ID,
            AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private final ClientHttpRequestInterceptor interceptor;

    public ServiceCredentials(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientService authorizedClients) {
        OAuth2ClientHttpRequestInterceptor tokens = new OAuth2ClientHttpRequestInterceptor(
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients));
        tokens.setClientRegistrationIdResolver(request -> REGISTRATION_ID);
        tokens.setPrincipalResolver(request -> WORKER);
        tokens.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
        this.interceptor = tokens;
    }

    List<ClientHttpRequestInterceptor> interceptors() {
        return List.of(interceptor);
    }

}
