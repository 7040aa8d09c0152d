package io.sagashop.worker.saga;

import io.temporal.failure.TemporalFailure;

/**
 * A failure nobody planned for (a bug, a broken contract): the saga is compensated as for
 * a cancellation, then the run fails with {@link #failure()}, so it is never mistaken for
 * an ordinary cancellation.
 */
final class SagaBroken extends SagaEnding {

    private final TemporalFailure failure;

    SagaBroken(String failureType, String reason, TemporalFailure failure) {
        super(failureType, reason);
        this.failure = failure;
    }

    TemporalFailure failure() {
        return failure;
    }

}
