package io.sagashop.gateway.order.events;

/** What changed in an order's saga; {@link #SNAPSHOT} is the whole state, sent first. */
public enum SagaEventKind {

    /** The whole saga as it stands: the first event of every stream. */
    SNAPSHOT,

    /** A step's activity was scheduled. */
    STEP_STARTED,

    /**
     * An attempt of the step in progress (or of its compensation) failed and will be
     * retried: {@code attempt} is the failed one, {@code failure} why.
     */
    ATTEMPT_FAILED,

    STEP_DONE,

    /** The step failed for good ({@code failure} says why); the saga ends cancelled. */
    STEP_FAILED,

    /**
     * The step was not needed (an approval below the threshold) or will no longer run.
     */
    STEP_SKIPPED,

    /**
     * The compensation of a step that was done started (compensations run in reverse).
     */
    COMPENSATION_STARTED,

    STEP_COMPENSATED,

    /** The order waits for an operator's decision until {@code saga.approvalDeadline}. */
    APPROVAL_WAIT_STARTED,

    /** Something else of the saga changed (its status, its price, why it ends). */
    SAGA_UPDATED,

    /** The run ended; {@code saga} is the final state, and the stream ends. */
    ORDER_ENDED

}
