package io.sagashop.payment.processor;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Replaces the injected faults; both values are required so the result never depends on
 * earlier settings.
 */
record ProcessorFaultsRequest(@NotNull @Min(0) @Max(1000) Integer failNextCalls,
        @NotNull @Min(0) @Max(30_000) Integer latencyMillis) {

    InjectedFaults toFaults() {
        return new InjectedFaults(failNextCalls, latencyMillis);
    }
}
