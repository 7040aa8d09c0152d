package io.sagashop.worker.http;

import java.net.http.HttpClient;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the typed HTTP client ({@code @HttpExchange} interface) of a service: its base
 * URL and timeouts from configuration, the worker's token ({@link ServiceCredentials}),
 * and {@link ServiceFailures} turning every error into the Temporal failure the saga
 * expects.
 */
@Component
public class ServiceClients {

    private final RestClient.Builder restClientBuilder;

    private final ServiceCredentials credentials;

    private final ServiceFailures failures;

    public ServiceClients(RestClient.Builder restClientBuilder, ServiceCredentials credentials, JsonMapper jsonMapper) {
        this.restClientBuilder = restClientBuilder;
        this.credentials = credentials;
        this.failures = new ServiceFailures(jsonMapper);
    }

    /**
     * @param serviceName how failures name the service ("inventory-service unreachable:
     * connection refused")
     */
    public <C> C create(String serviceName, ServicesProperties.Endpoint endpoint, Class<C> clientType) {
        ClientHttpRequestFactory requestFactory = ClientHttpRequestFactoryBuilder.jdk()
            // Plain HTTP/1.1: the services speak nothing else, so an h2c upgrade attempt
            // is wasted.
            .withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1))
            .build(HttpClientSettings.defaults().withTimeouts(endpoint.connectTimeout(), endpoint.readTimeout()));
        RestClient restClient = restClientBuilder.clone()
            .baseUrl(endpoint.baseUrl())
            .requestFactory(requestFactory)
            .requestInterceptor((request, body, execution) -> failures.failIfUnanswered(serviceName, endpoint, request,
                    body, execution))
            // Inside failIfUnanswered, so that a sign-in server that cannot be reached is
            // a retryable failure too.
            .requestInterceptors(interceptors -> interceptors.addAll(credentials.interceptors()))
            .defaultStatusHandler(HttpStatusCode::isError, failures::throwFailureFor)
            .build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(restClient))
            .build()
            .createClient(clientType);
    }

}
