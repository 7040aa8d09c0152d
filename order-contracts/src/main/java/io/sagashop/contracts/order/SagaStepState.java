package io.sagashop.contracts.order;

/**
 * One step of the saga.
 *
 * @param attempt the attempt of the step's activity that is running or last ran (1 for the first); 0 before it
 *     starts. A workflow only learns of an attempt when it ends, so readers that need the live attempt of a
 *     running step ask the server for the run's pending activities.
 * @param lastFailure the message of the last failure of this step, or null
 */
public record SagaStepState(SagaStep step, StepStatus status, int attempt, String lastFailure) {
}
