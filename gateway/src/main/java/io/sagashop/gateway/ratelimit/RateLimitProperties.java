package io.sagashop.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How many requests one caller may make: a token bucket per signed-in principal, and one
 * per client address for callers without a token.
 *
 * @param maxTracked how many callers' buckets are kept at most; beyond it the least
 * recently seen is forgotten, so memory stays bounded whoever calls
 */
@Validated
@ConfigurationProperties("sagashop.gateway.rate-limits")
public record RateLimitProperties(@Valid @NotNull Limit perPrincipal, @Valid @NotNull Limit perAddress,
        @DefaultValue("100000") @Min(1) long maxTracked) {

    /**
     * @param capacity the burst: requests a rested caller may make at once
     * @param refillTokens requests added back every {@code refillPeriod}, up to the
     * capacity
     */
    public record Limit(@Min(1) long capacity, @Min(1) long refillTokens, @NotNull Duration refillPeriod) {

        /**
         * How long an untouched bucket takes to fill up again, after which forgetting it
         * changes nothing.
         */
        Duration timeToFill() {
            long periods = (capacity + refillTokens - 1) / refillTokens;
            return refillPeriod.multipliedBy(periods);
        }
    }
}
