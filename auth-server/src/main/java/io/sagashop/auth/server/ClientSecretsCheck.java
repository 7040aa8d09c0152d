package io.sagashop.auth.server;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerProperties;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerProperties.Registration;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Refuses to start while a confidential client has no secret. Boot binds an unresolved
 * placeholder as its text, so a missing {@code SAGASHOP_GATEWAY_CLIENT_SECRET} would
 * otherwise make the literal {@code ${SAGASHOP_GATEWAY_CLIENT_SECRET}} the secret.
 */
@Component
class ClientSecretsCheck {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");

    private static final Pattern ENCODING_ID = Pattern.compile("^\\{[^}]*}");

    ClientSecretsCheck(OAuth2AuthorizationServerProperties server) {
        List<String> missing = server.getClient()
            .values()
            .stream()
            .map(OAuth2AuthorizationServerProperties.Client::getRegistration)
            .filter(ClientSecretsCheck::needsASecret)
            .filter(registration -> !hasASecret(registration.getClientSecret()))
            .sorted(Comparator.comparing(Registration::getClientId))
            .map(ClientSecretsCheck::describe)
            .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No client secret is set for " + String.join(", ", missing));
        }
    }

    private static boolean needsASecret(Registration registration) {
        return registration.getClientAuthenticationMethods()
            .stream()
            .anyMatch(method -> method.startsWith("client_secret_"));
    }

    private static boolean hasASecret(String secret) {
        return secret != null && !PLACEHOLDER.matcher(secret).find()
                && StringUtils.hasText(ENCODING_ID.matcher(secret).replaceFirst(""));
    }

    private static String describe(Registration registration) {
        String secret = registration.getClientSecret();
        Matcher placeholder = PLACEHOLDER.matcher((secret != null) ? secret : "");
        return "the client '" + registration.getClientId() + "'"
                + (placeholder.find() ? ": set " + placeholder.group(1) : "");
    }

}
