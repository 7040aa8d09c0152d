package io.sagashop.gateway.temporal;

import java.net.URI;
import java.time.Duration;

import org.springframework.web.util.UriComponentsBuilder;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Where the Temporal server is and how long the gateway waits for it.
 *
 * @param address the server's gRPC {@code host:port}
 * @param uiUrl the Temporal Web UI's base URL, for the links the gateway hands out to
 * each run
 * @param callTimeout how long one start, query, describe or update may take before the
 * caller gets a 503; a request thread is never held longer than this
 */
@Validated
@ConfigurationProperties("sagashop.gateway.temporal")
public record TemporalProperties(@DefaultValue("localhost:7233") @NotBlank String address,
        @DefaultValue("default") @NotBlank String namespace, @DefaultValue("http://localhost:8233") @NotNull URI uiUrl,
        @DefaultValue("10s") @NotNull Duration callTimeout) {

    /** Where the Temporal Web UI shows the workflow's run. */
    public URI uiUrlOf(String workflowId) {
        return UriComponentsBuilder.fromUri(uiUrl)
            .pathSegment("namespaces", namespace, "workflows", workflowId)
            .build()
            .toUri();
    }
}
