package io.sagashop.gateway.services;

import java.net.URI;
import java.util.function.Function;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriBuilder;

import io.netty.channel.ChannelOption;
import io.netty.handler.timeout.TimeoutException;
import io.sagashop.gateway.security.CallerTokenRelay;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Reads JSON from one service behind the gateway with the caller's own access token,
 * within the configured timeouts. What the handler does not expect of the service (an
 * error status, no body, no answer in time, no connection) is a 503 that names the
 * service and what was asked of it: nothing the caller can fix.
 */
public final class ServiceReader {

    // A page of 100 orders of 50 lines each, with their status history, stays well under
    // this.
    private static final int MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

    private final String service;

    private final WebClient client;

    private final ServicesProperties properties;

    /**
     * @param service how the 503 details name it ("order service")
     */
    public ServiceReader(String service, URI baseUrl, ServicesProperties properties, CallerTokenRelay tokenRelay) {
        this.service = service;
        this.properties = properties;
        HttpClient http = HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()))
            .responseTimeout(properties.responseTimeout());
        this.client = WebClient.builder()
            .baseUrl(baseUrl.toString())
            .clientConnector(new ReactorClientHttpConnector(http))
            .filter(tokenRelay.toServices())
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_RESPONSE_BYTES))
            .build();
    }

    /**
     * @param what what is asked of the service, for the 503 detail ("read order 42")
     * @param refusal the caller's problem for an error status the handler expects (a 404,
     * say), else null
     */
    public <T> Mono<T> get(String what, Function<UriBuilder, URI> uri, Class<T> type,
            Function<HttpStatusCode, Throwable> refusal) {
        return client.get()
            .uri(uri)
            .accept(MediaType.APPLICATION_JSON)
            .retrieve()
            .onStatus(HttpStatusCode::isError, response -> refused(response, refusal, what))
            .bodyToMono(type)
            .switchIfEmpty(Mono.error(() -> new ServiceUnavailableException(
                    "The " + service + " answered without a body when asked to " + what)))
            .onErrorMap(WebClientRequestException.class, ex -> unavailable(what, ex));
    }

    public <T> Mono<T> get(String what, Function<UriBuilder, URI> uri, Class<T> type) {
        return get(what, uri, type, status -> null);
    }

    private Mono<Throwable> refused(ClientResponse response, Function<HttpStatusCode, Throwable> refusal, String what) {
        Throwable expected = refusal.apply(response.statusCode());
        Throwable answer = expected != null ? expected : new ServiceUnavailableException(
                "The " + service + " answered " + response.statusCode().value() + " when asked to " + what);
        return response.releaseBody().then(Mono.error(answer));
    }

    private ServiceUnavailableException unavailable(String what, WebClientRequestException ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return new ServiceUnavailableException("The " + service + " did not answer within "
                        + properties.responseTimeout().toMillis() + " ms when asked to " + what);
            }
        }
        return new ServiceUnavailableException("The " + service + " is unavailable; could not " + what);
    }

}
