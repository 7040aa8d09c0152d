package io.sagashop.gateway.order;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sagashop.contracts.order.SagaState;
import io.sagashop.contracts.order.SagaStep;
import io.sagashop.contracts.order.SagaStepState;
import io.sagashop.contracts.order.StepStatus;
import io.temporal.api.workflow.v1.PendingActivityInfo;

/**
 * Fills the live attempt and last failure of the steps in progress from the server's
 * pending activities. A workflow never learns of an activity's retries, only of how it
 * finally ended, so while a step retries only the server knows that it is on attempt 4
 * and why attempt 3 failed ({@link RecordedAttempts} covers ended steps).
 *
 * <p>
 * An activity belongs to a step when it {@linkplain StepActivities#runs runs} that step;
 * otherwise, since the saga runs one step (or one compensation) at a time, the only
 * pending activity belongs to the only step in progress. A step being compensated takes
 * its compensation's attempt, since that is what is running and failing.
 */
final class LiveAttempts {

    private static final Set<StepStatus> IN_PROGRESS = EnumSet.of(StepStatus.RUNNING, StepStatus.COMPENSATING);

    private LiveAttempts() {
    }

    static SagaState apply(SagaState state, List<PendingActivityInfo> pending) {
        if (pending.isEmpty()) {
            return state;
        }
        List<SagaStep> inProgress = state.steps()
            .stream()
            .filter(step -> IN_PROGRESS.contains(step.status()))
            .map(SagaStepState::step)
            .toList();
        Map<SagaStep, PendingActivityInfo> matched = new EnumMap<>(SagaStep.class);
        List<PendingActivityInfo> unmatched = new ArrayList<>(pending);
        for (SagaStep step : inProgress) {
            for (Iterator<PendingActivityInfo> it = unmatched.iterator(); it.hasNext();) {
                PendingActivityInfo activity = it.next();
                if (StepActivities.runs(step, activity.getActivityType().getName())) {
                    matched.put(step, activity);
                    it.remove();
                    break;
                }
            }
        }
        List<SagaStep> unmatchedSteps = inProgress.stream().filter(step -> !matched.containsKey(step)).toList();
        if (unmatchedSteps.size() == 1 && unmatched.size() == 1) {
            matched.put(unmatchedSteps.getFirst(), unmatched.getFirst());
        }
        if (matched.isEmpty()) {
            return state;
        }
        List<SagaStepState> steps = state.steps()
            .stream()
            .map(step -> matched.containsKey(step.step()) ? live(step, matched.get(step.step())) : step)
            .toList();
        return state.withSteps(steps);
    }

    private static SagaStepState live(SagaStepState step, PendingActivityInfo activity) {
        String lastFailure = activity.hasLastFailure() ? activity.getLastFailure().getMessage() : step.lastFailure();
        return new SagaStepState(step.step(), step.status(), activity.getAttempt(), lastFailure);
    }

}
