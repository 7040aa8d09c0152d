package io.sagashop.gateway.order;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.sagashop.contracts.order.OrderStatus;

/**
 * An order's run as Temporal's visibility lists it, from the search attributes the
 * workflow keeps current.
 *
 * @param status the order's status as the workflow last recorded it
 * @param totalCents null until the order is priced
 * @param runStatus how the workflow run stands, which differs from the order's status
 * when a run failed or was terminated
 * @param closedAt null while the run is open
 * @param temporalUiUrl the run in the Temporal Web UI
 */
record OrderRun(UUID orderId, UUID customerId, OrderStatus status, @Nullable Long totalCents, RunStatus runStatus,
        Instant startedAt, @Nullable Instant closedAt, URI temporalUiUrl) {

    /** Temporal's status of a workflow run. */
    enum RunStatus {

        RUNNING, COMPLETED, FAILED, CANCELED, TERMINATED, CONTINUED_AS_NEW, TIMED_OUT

    }
}
