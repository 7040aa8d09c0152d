package io.sagashop.gateway.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.sagashop.contracts.order.OrderStatus;
import io.sagashop.contracts.order.SagaState;
import io.sagashop.contracts.order.SagaStep;
import io.sagashop.contracts.order.SagaStepState;
import io.sagashop.contracts.order.StepStatus;
import io.temporal.api.common.v1.ActivityType;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.ActivityTaskScheduledEventAttributes;
import io.temporal.api.history.v1.ActivityTaskStartedEventAttributes;
import io.temporal.api.history.v1.HistoryEvent;

class RecordedAttemptsTest {

    private final List<HistoryEvent> history = new ArrayList<>();

    @Test
    void aDoneStepKeepsTheAttemptItEndedWithAndWhyTheOneBeforeFailed() {
        ranActivity("ChargePayment", 3, "503 from the processor");

        SagaState ended = apply(state(SagaStep.CHARGE_PAYMENT, StepStatus.DONE, null));

        assertThat(step(ended, SagaStep.CHARGE_PAYMENT))
            .isEqualTo(new SagaStepState(SagaStep.CHARGE_PAYMENT, StepStatus.DONE, 3, "503 from the processor"));
    }

    @Test
    void aFailedStepKeepsItsAttemptAndTheFailureThatEndedIt() {
        ranActivity("ChargePayment", 2, "503 from the processor");

        SagaState ended = apply(state(SagaStep.CHARGE_PAYMENT, StepStatus.FAILED, "Card declined"));

        assertThat(step(ended, SagaStep.CHARGE_PAYMENT))
            .isEqualTo(new SagaStepState(SagaStep.CHARGE_PAYMENT, StepStatus.FAILED, 2, "Card declined"));
    }

    @Test
    void aCompensatedStepKeepsTheAttemptOfItsOwnActivityNotOfItsCompensation() {
        ranActivity("ReserveStock", 2, "timeout");
        ranActivity("ReleaseReservation", 4, "inventory-service unreachable: connection refused");

        SagaState ended = apply(state(SagaStep.RESERVE_STOCK, StepStatus.COMPENSATED, null));

        assertThat(step(ended, SagaStep.RESERVE_STOCK).attempt()).isEqualTo(2);
        assertThat(step(ended, SagaStep.RESERVE_STOCK).lastFailure()).isEqualTo("timeout");
    }

    @Test
    void aFirstAttemptThatSucceededHasNoFailure() {
        ranActivity("ConfirmOrder", 1, null);

        SagaState ended = apply(state(SagaStep.CONFIRM_ORDER, StepStatus.DONE, null));

        assertThat(step(ended, SagaStep.CONFIRM_ORDER))
            .isEqualTo(new SagaStepState(SagaStep.CONFIRM_ORDER, StepStatus.DONE, 1, null));
    }

    @Test
    void aStepWhoseAttemptHasNotStartedKeepsWhatTheWorkflowReported() {
        scheduled("ChargePayment");

        SagaState state = state(SagaStep.CHARGE_PAYMENT, StepStatus.RUNNING, null);

        assertThat(apply(state)).isEqualTo(state);
    }

    private SagaState apply(SagaState state) {
        return RecordedAttempts.apply(state, RecordedAttempts.of(history.stream()));
    }

    private long scheduled(String activityType) {
        long eventId = history.size() + 1;
        history.add(HistoryEvent.newBuilder()
            .setEventId(eventId)
            .setActivityTaskScheduledEventAttributes(ActivityTaskScheduledEventAttributes.newBuilder()
                .setActivityType(ActivityType.newBuilder().setName(activityType)))
            .build());
        return eventId;
    }

    /**
     * The server records an activity's started event, with its final attempt, once the
     * activity ends.
     */
    private void ranActivity(String activityType, int attempt, String previousFailure) {
        long scheduledEventId = scheduled(activityType);
        ActivityTaskStartedEventAttributes.Builder started = ActivityTaskStartedEventAttributes.newBuilder()
            .setScheduledEventId(scheduledEventId)
            .setAttempt(attempt);
        if (previousFailure != null) {
            started.setLastFailure(Failure.newBuilder().setMessage(previousFailure));
        }
        history.add(HistoryEvent.newBuilder()
            .setEventId(history.size() + 1)
            .setActivityTaskStartedEventAttributes(started)
            .build());
    }

    private static SagaState state(SagaStep inFocus, StepStatus status, String lastFailure) {
        List<SagaStepState> steps = Arrays.stream(SagaStep.values())
            .map(step -> step == inFocus ? new SagaStepState(step, status, 1, lastFailure)
                    : new SagaStepState(step, StepStatus.PENDING, 0, null))
            .toList();
        return new SagaState(UUID.randomUUID(), UUID.randomUUID(), OrderStatus.PENDING, 4190, "EUR", steps, null, null,
                null);
    }

    private static SagaStepState step(SagaState state, SagaStep step) {
        return state.steps().stream().filter(candidate -> candidate.step() == step).findFirst().orElseThrow();
    }

}
