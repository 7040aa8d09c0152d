package io.sagashop.gateway.order;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.sagashop.contracts.order.SagaState;
import io.sagashop.contracts.order.SagaStep;
import io.sagashop.contracts.order.SagaStepState;
import io.sagashop.contracts.order.StepStatus;
import io.temporal.api.history.v1.ActivityTaskStartedEventAttributes;
import io.temporal.api.history.v1.HistoryEvent;

/**
 * Fills the attempt each step's activity ended with from the run's history. The workflow
 * sees only how an activity finally ended, never its retries, and the server drops an
 * activity's pending info once it ends: the history's started event of the last attempt
 * is what keeps its number, with the failure of the attempt before it.
 *
 * <p>
 * A step keeps the attempt of its own activity ({@link StepActivities}) once it is
 * compensated, as it keeps that activity's last failure; a step the history knows no
 * attempt of keeps what the workflow reported.
 */
final class RecordedAttempts {

    private RecordedAttempts() {
    }

    /** The last attempt of each step's activity that started, in the run's history. */
    static Map<SagaStep, Attempt> of(Stream<HistoryEvent> history) {
        Map<Long, SagaStep> stepByScheduledEvent = new HashMap<>();
        Map<SagaStep, Attempt> attempts = new EnumMap<>(SagaStep.class);
        history.forEach(event -> {
            if (event.hasActivityTaskScheduledEventAttributes()) {
                String type = event.getActivityTaskScheduledEventAttributes().getActivityType().getName();
                stepRunBy(type).ifPresent(step -> stepByScheduledEvent.put(event.getEventId(), step));
            }
            else if (event.hasActivityTaskStartedEventAttributes()) {
                ActivityTaskStartedEventAttributes started = event.getActivityTaskStartedEventAttributes();
                SagaStep step = stepByScheduledEvent.get(started.getScheduledEventId());
                if (step != null) {
                    attempts.put(step, new Attempt(started.getAttempt(),
                            started.hasLastFailure() ? started.getLastFailure().getMessage() : null));
                }
            }
        });
        return attempts;
    }

    static SagaState apply(SagaState state, Map<SagaStep, Attempt> attempts) {
        if (attempts.isEmpty()) {
            return state;
        }
        List<SagaStepState> steps = state.steps()
            .stream()
            .map(step -> attempts.containsKey(step.step()) && hasRun(step) ? ended(step, attempts.get(step.step()))
                    : step)
            .toList();
        return state.withSteps(steps);
    }

    private static boolean hasRun(SagaStepState step) {
        return step.status() != StepStatus.PENDING && step.status() != StepStatus.SKIPPED;
    }

    /**
     * The workflow's own last failure of a step (why it failed) comes before the one of
     * an earlier attempt.
     */
    private static SagaStepState ended(SagaStepState step, Attempt attempt) {
        return new SagaStepState(step.step(), step.status(), attempt.number(),
                step.lastFailure() != null ? step.lastFailure() : attempt.previousFailure());
    }

    private static Optional<SagaStep> stepRunBy(String activityType) {
        return Arrays.stream(SagaStep.values()).filter(step -> StepActivities.runs(step, activityType)).findFirst();
    }

    /**
     * @param number the attempt (1 for the first)
     * @param previousFailure why the attempt before it failed, or null
     */
    record Attempt(int number, String previousFailure) {
    }

}
