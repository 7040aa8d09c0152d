package io.sagashop.gateway.order.events;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.sagashop.contracts.order.SagaState;
import io.sagashop.contracts.order.SagaStep;

/**
 * One event of an order's stream: what changed, and the whole saga after the change, so a
 * client that shows only the latest event still shows the truth.
 *
 * @param id the SSE event id; a reconnecting client sends it back as
 * {@code Last-Event-ID}. The final event's id is {@value SagaWatch#END_ID}.
 * @param step the step that changed; null for a snapshot, the approval wait, an update or
 * the end
 * @param attempt the attempt that failed (ATTEMPT_FAILED), else the step's attempt; null
 * without a step
 * @param failure why the attempt or the step failed; null otherwise
 * @param observedAt when the gateway saw the change
 */
public record SagaEvent(String id, SagaEventKind kind, @Nullable SagaStep step, @Nullable Integer attempt,
        @Nullable String failure, Instant observedAt, SagaState saga) {
}
