package io.sagashop.auth.token;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code aud} of each client's access tokens, by client id: the applications that
 * accept them ({@code sagashop.auth.audiences.<client-id>}). A resource server accepts a
 * token only when its own name is among them.
 */
@ConfigurationProperties("sagashop.auth")
record AudienceProperties(Map<String, List<String>> audiences) {

    public AudienceProperties {
        audiences = (audiences != null) ? Map.copyOf(audiences) : Map.of();
    }

    List<String> of(String clientId) {
        return this.audiences.getOrDefault(clientId, List.of());
    }

}
