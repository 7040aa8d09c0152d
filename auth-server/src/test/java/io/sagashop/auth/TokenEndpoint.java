package io.sagashop.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's token endpoint as a client calls it, answering the status and the parsed
 * JSON body.
 */
public final class TokenEndpoint {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI tokenUri;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public TokenEndpoint(URI base) {
        this.tokenUri = base.resolve("/oauth2/token");
    }

    public record Answer(int status, Map<String, Object> body) {

        public String get(String member) {
            Object value = this.body.get(member);
            return (value != null) ? value.toString() : null;
        }

    }

    public Answer clientCredentials(String clientId, String secret, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("scope", scope);
        return post(form, clientId, secret);
    }

    /**
     * Exchanges a code; a confidential client authenticates with HTTP Basic, a public one
     * ({@code secret} null) names itself in the form.
     */
    public Answer exchangeCode(String clientId, String secret, String code, String redirectUri, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", verifier);
        if (secret == null) {
            form.put("client_id", clientId);
        }
        return post(form, clientId, secret);
    }

    public Answer refresh(String clientId, String secret, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return post(form, clientId, secret);
    }

    private Answer post(Map<String, String> form, String clientId, String secret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(this.tokenUri)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(BodyPublishers.ofString(Browser.formBody(form)));
        if (secret != null) {
            String credentials = clientId + ":" + secret;
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = this.http.send(request.build(), BodyHandlers.ofString());
            Map<String, Object> body = response.body().isEmpty() ? Map.of()
                    : JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() {
                    });
            return new Answer(response.statusCode(), body);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

}
