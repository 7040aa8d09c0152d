package io.sagashop.worker.saga;

import io.sagashop.contracts.order.SagaStep;
import io.sagashop.contracts.order.SagaStepState;
import io.sagashop.contracts.order.StepStatus;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where each step of one saga stands; what {@code sagaState()} reports. Workflow state:
 * no I/O, no clocks.
 */
final class SagaSteps {

    private final Map<SagaStep, SagaStepState> states = new EnumMap<>(SagaStep.class);

    SagaSteps() {
        for (SagaStep step : SagaStep.values()) {
            states.put(step, new SagaStepState(step, StepStatus.PENDING, 0, null));
        }
    }

    /**
     * The workflow schedules the first attempt; later attempts are only known to the
     * server while they run.
     */
    void running(SagaStep step) {
        states.put(step, new SagaStepState(step, StepStatus.RUNNING, 1, null));
    }

    void done(SagaStep step) {
        change(step, StepStatus.DONE, null);
    }

    void failed(SagaStep step, String failure) {
        change(step, StepStatus.FAILED, failure);
    }

    void skipped(SagaStep step) {
        change(step, StepStatus.SKIPPED, null);
    }

    void compensating(SagaStep step) {
        change(step, StepStatus.COMPENSATING, null);
    }

    void compensated(SagaStep step) {
        change(step, StepStatus.COMPENSATED, null);
    }

    /**
     * Marks the steps that will never run now that the saga ends, except {@code keep},
     * which still runs.
     */
    void skipPendingExcept(SagaStep keep) {
        states.values()
            .stream()
            .filter(state -> state.status() == StepStatus.PENDING && state.step() != keep)
            .toList()
            .forEach(state -> skipped(state.step()));
    }

    /** Marks every step that will never run as skipped. */
    void skipPending() {
        skipPendingExcept(null);
    }

    /**
     * Marks the steps still running when the run stops as failed, so none of them reads
     * as running for ever.
     */
    void failRunning(String failure) {
        states.values()
            .stream()
            .filter(state -> state.status() == StepStatus.RUNNING)
            .toList()
            .forEach(state -> failed(state.step(), failure));
    }

    StepStatus status(SagaStep step) {
        return states.get(step).status();
    }

    boolean hasStarted(SagaStep step) {
        StepStatus status = status(step);
        return status != StepStatus.PENDING && status != StepStatus.SKIPPED;
    }

    List<SagaStepState> snapshot() {
        return List.copyOf(states.values());
    }

    private void change(SagaStep step, StepStatus status, String failure) {
        SagaStepState state = states.get(step);
        states.put(step,
                new SagaStepState(step, status, state.attempt(), failure != null ? failure : state.lastFailure()));
    }

}
