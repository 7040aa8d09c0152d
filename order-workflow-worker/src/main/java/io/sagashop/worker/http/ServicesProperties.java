package io.sagashop.worker.http;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the services the saga calls are, and how long the worker waits for each of them.
 */
@ConfigurationProperties("sagashop.worker.services")
@Validated
public record ServicesProperties(@NotNull @Valid Endpoint customer, @NotNull @Valid Endpoint inventory,
        @NotNull @Valid Endpoint order, @NotNull @Valid Endpoint payment, @NotNull @Valid Endpoint notification) {

    /**
     * @param readTimeout how long to wait for an answer; keep it below the activity's
     * start-to-close timeout so a slow service surfaces as a retryable failure rather
     * than an activity timeout
     */
    public record Endpoint(@NotNull URI baseUrl, @NotNull Duration connectTimeout, @NotNull Duration readTimeout) {
    }
}
