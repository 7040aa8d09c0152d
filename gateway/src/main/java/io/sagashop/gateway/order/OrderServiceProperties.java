package io.sagashop.gateway.order;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Where the order service is and how long the gateway waits for it when it reads a
 * shopper's orders.
 *
 * @param orderUrl the order service's base URL
 * @param connectTimeout how long connecting may take before the caller gets a 503
 * @param responseTimeout how long the order service may take to answer before the caller
 * gets a 503
 */
@Validated
@ConfigurationProperties("sagashop.gateway.services")
record OrderServiceProperties(@NotNull URI orderUrl, @DefaultValue("2s") @NotNull Duration connectTimeout,
        @DefaultValue("10s") @NotNull Duration responseTimeout) {
}
