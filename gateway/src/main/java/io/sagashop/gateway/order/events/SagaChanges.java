package io.sagashop.gateway.order.events;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.sagashop.contracts.order.SagaState;
import io.sagashop.contracts.order.SagaStep;
import io.sagashop.contracts.order.SagaStepState;
import io.sagashop.contracts.order.StepStatus;

/**
 * The changes between two observations of one saga, in the order they happened: the steps
 * forward in saga order, then the compensations in reverse. Observations may be further
 * apart than one change (a step that started and ended between two of them, two retries
 * in a row), so every change in between is spelled out, never only the last.
 */
final class SagaChanges {

    private static final Set<StepStatus> STARTED = EnumSet.of(StepStatus.RUNNING, StepStatus.DONE, StepStatus.FAILED,
            StepStatus.COMPENSATING, StepStatus.COMPENSATED);

    private static final Set<StepStatus> UNDOING = EnumSet.of(StepStatus.COMPENSATING, StepStatus.COMPENSATED);

    private SagaChanges() {
    }

    /**
     * @param step null for a change of the whole saga
     * @param attempt null for a change of the whole saga
     */
    record Change(SagaEventKind kind, SagaStep step, Integer attempt, String failure) {

        static Change of(SagaEventKind kind, SagaStepState step) {
            return new Change(kind, step.step(), step.attempt(), null);
        }

    }

    /**
     * The later observation, except that a step still in the same state keeps the later
     * of the two attempts: the server's pending activities may be read a moment before a
     * history that is already newer.
     */
    static SagaState keepingAttempts(SagaState before, SagaState after) {
        List<SagaStepState> steps = after.steps().stream().map(now -> {
            SagaStepState then = stepOf(before, now.step());
            return then.status() == now.status() && then.attempt() > now.attempt() ? then : now;
        }).toList();
        return steps.equals(after.steps()) ? after : after.withSteps(steps);
    }

    static List<Change> between(SagaState before, SagaState after) {
        List<Change> changes = new ArrayList<>();
        // A saga that ends cancelled tells the shopper after its compensations.
        boolean ending = after.cancelReason() != null;
        for (SagaStepState now : after.steps()) {
            if (!(ending && now.step() == SagaStep.NOTIFY_SHOPPER)) {
                forward(stepOf(before, now.step()), now, changes);
            }
            if (now.step() == SagaStep.AWAIT_APPROVAL && before.approvalDeadline() == null
                    && after.approvalDeadline() != null) {
                changes.add(new Change(SagaEventKind.APPROVAL_WAIT_STARTED, null, null, null));
            }
        }
        for (SagaStepState now : after.steps().reversed()) {
            backward(stepOf(before, now.step()), now, changes);
        }
        if (ending) {
            after.steps()
                .stream()
                .filter(now -> now.step() == SagaStep.NOTIFY_SHOPPER)
                .forEach(now -> forward(stepOf(before, now.step()), now, changes));
        }
        if (changes.isEmpty() && !before.equals(after)) {
            changes.add(new Change(SagaEventKind.SAGA_UPDATED, null, null, null));
        }
        return changes;
    }

    private static void forward(SagaStepState then, SagaStepState now, List<Change> changes) {
        boolean wasPending = then.status() == StepStatus.PENDING;
        if (wasPending && STARTED.contains(now.status())) {
            changes.add(new Change(SagaEventKind.STEP_STARTED, now.step(), 1, null));
        }
        boolean wasRunning = wasPending || then.status() == StepStatus.RUNNING;
        if (wasRunning && EnumSet.of(StepStatus.RUNNING, StepStatus.DONE, StepStatus.FAILED).contains(now.status())) {
            failedAttempts(wasPending ? 1 : then.attempt(), now, changes);
        }
        if (now.status() == then.status()) {
            return;
        }
        switch (now.status()) {
            case DONE -> changes.add(Change.of(SagaEventKind.STEP_DONE, now));
            case FAILED ->
                changes.add(new Change(SagaEventKind.STEP_FAILED, now.step(), now.attempt(), now.lastFailure()));
            case SKIPPED -> changes.add(Change.of(SagaEventKind.STEP_SKIPPED, now));
            case COMPENSATING, COMPENSATED -> {
                if (wasPending || then.status() == StepStatus.RUNNING) {
                    // It ran to its end between the observations, else there would be
                    // nothing to undo.
                    changes.add(Change.of(SagaEventKind.STEP_DONE, now));
                }
            }
            default -> {
            }
        }
    }

    private static void backward(SagaStepState then, SagaStepState now, List<Change> changes) {
        if (!UNDOING.contains(now.status())) {
            return;
        }
        if (then.status() != StepStatus.COMPENSATING && then.status() != StepStatus.COMPENSATED) {
            changes.add(new Change(SagaEventKind.COMPENSATION_STARTED, now.step(), 1, null));
            if (now.status() == StepStatus.COMPENSATING) {
                failedAttempts(1, now, changes);
            }
        }
        else if (then.status() == StepStatus.COMPENSATING && now.status() == StepStatus.COMPENSATING) {
            failedAttempts(then.attempt(), now, changes);
        }
        if (now.status() == StepStatus.COMPENSATED && then.status() != StepStatus.COMPENSATED) {
            changes.add(Change.of(SagaEventKind.STEP_COMPENSATED, now));
        }
    }

    /**
     * The attempts from {@code from} up to the one before {@code now}'s failed; only the
     * last one's reason is still known.
     */
    private static void failedAttempts(int from, SagaStepState now, List<Change> changes) {
        for (int failed = Math.max(from, 1); failed < now.attempt(); failed++) {
            String failure = failed == now.attempt() - 1 ? now.lastFailure() : null;
            changes.add(new Change(SagaEventKind.ATTEMPT_FAILED, now.step(), failed, failure));
        }
    }

    private static SagaStepState stepOf(SagaState state, SagaStep step) {
        return state.steps()
            .stream()
            .filter(candidate -> candidate.step() == step)
            .findFirst()
            .orElse(new SagaStepState(step, StepStatus.PENDING, 0, null));
    }

}
