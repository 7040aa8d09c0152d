package io.sagashop.gateway.services;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Where the services behind the gateway are, and how long the gateway waits for one when
 * it reads from it itself (routes use the gateway's own HTTP client settings).
 *
 * @param inventoryUrl behind the catalog and restock routes
 * @param orderUrl read for a shopper's orders
 * @param notificationUrl read for a shopper's notifications
 * @param paymentUrl behind the processor faults route
 * @param connectTimeout how long connecting may take before the caller gets a 503
 * @param responseTimeout how long a service may take to answer before the caller gets a
 * 503
 */
@Validated
@ConfigurationProperties("sagashop.gateway.services")
public record ServicesProperties(@NotNull URI inventoryUrl, @NotNull URI orderUrl, @NotNull URI notificationUrl,
        @NotNull URI paymentUrl, @DefaultValue("2s") @NotNull Duration connectTimeout,
        @DefaultValue("10s") @NotNull Duration responseTimeout) {
}
