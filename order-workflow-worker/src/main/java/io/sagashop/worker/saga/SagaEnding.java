package io.sagashop.worker.saga;

/**
 * Ends the saga from the step where it stops: the registered compensations run, the order
 * is cancelled with {@link #reason()} and the shopper is told. Thrown rather than
 * returned so that a step deep in the script ends it in one line; it carries no stack
 * trace.
 */
abstract sealed class SagaEnding extends RuntimeException permits SagaCancelled, SagaBroken {

    private final String failureType;

    SagaEnding(String failureType, String reason) {
        super(reason, null, false, false);
        this.failureType = failureType;
    }

    String failureType() {
        return failureType;
    }

    /** What the order is cancelled with and the shopper told; may be null. */
    String reason() {
        return getMessage();
    }

}
