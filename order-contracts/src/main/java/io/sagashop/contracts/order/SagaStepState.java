package io.sagashop.contracts.order;

import org.jspecify.annotations.Nullable;

/**
 * One step of the saga.
 *
 * @param attempt the attempt of the step's activity that is running or that the step
 * ended with (1 for the first); 0 before it starts. A workflow sees only how an activity
 * ended, never its retries, so it reports 1: readers that need the real count ask the
 * server, for the run's pending activities (a step in progress) and its history (a step
 * that ended), as the gateway's saga view does.
 * @param lastFailure the message of the last failure of this step, or null
 */
public record SagaStepState(SagaStep step, StepStatus status, int attempt, @Nullable String lastFailure) {
}
