package io.sagashop.gateway.routing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The faults injected into payment-service's simulated card processor, as set and as
 * reported: both values are required, so a setting never depends on an earlier one.
 *
 * @param failNextCalls how many of the next charges answer 503
 * @param latencyMillis how long every processor call is delayed
 */
record ProcessorFaults(@NotNull @Min(0) @Max(1000) Integer failNextCalls,
        @NotNull @Min(0) @Max(30_000) Integer latencyMillis) {
}
