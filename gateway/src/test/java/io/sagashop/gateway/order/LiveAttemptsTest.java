package io.sagashop.gateway.order;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.temporal.api.workflow.v1.PendingActivityInfo;

class LiveAttemptsTest {

    @Test
    void aRunningStepTakesTheAttemptAndFailureOfItsActivity() {
        SagaState state = state(SagaStep.CHARGE_PAYMENT, StepStatus.RUNNING);

        SagaState live = LiveAttempts.apply(state, List.of(pending("ChargePayment", 3, "503 from the processor")));

        assertThat(step(live, SagaStep.CHARGE_PAYMENT))
            .isEqualTo(new SagaStepState(SagaStep.CHARGE_PAYMENT, StepStatus.RUNNING, 3, "503 from the processor"));
    }

    @Test
    void theOnlyPendingActivityBelongsToTheOnlyStepInProgressWhateverItsName() {
        SagaState state = state(SagaStep.RESERVE_STOCK, StepStatus.COMPENSATING);

        SagaState live = LiveAttempts.apply(state, List.of(pending("ReleaseReservation", 2, "timeout")));

        assertThat(step(live, SagaStep.RESERVE_STOCK).attempt()).isEqualTo(2);
        assertThat(step(live, SagaStep.RESERVE_STOCK).lastFailure()).isEqualTo("timeout");
    }

    @Test
    void aStepBeingCompensatedShowsTheAttemptOfItsCompensation() {
        SagaState state = new SagaState(UUID.randomUUID(), UUID.randomUUID(), OrderStatus.PENDING, 0, "EUR",
                List.of(new SagaStepState(SagaStep.CHARGE_PAYMENT, StepStatus.COMPENSATING, 3, "503")), null, null,
                null);

        SagaState live = LiveAttempts.apply(state,
                List.of(PendingActivityInfo.newBuilder()
                    .setActivityType(ActivityType.newBuilder().setName("RefundPayment"))
                    .setAttempt(1)
                    .build()));

        assertThat(step(live, SagaStep.CHARGE_PAYMENT).attempt()).isEqualTo(1);
    }

    @Test
    void aFirstAttemptWithoutFailureKeepsWhatTheWorkflowKnows() {
        SagaState state = state(SagaStep.CONFIRM_ORDER, StepStatus.RUNNING);

        SagaState live = LiveAttempts.apply(state,
                List.of(PendingActivityInfo.newBuilder()
                    .setActivityType(ActivityType.newBuilder().setName("ConfirmOrder"))
                    .setAttempt(1)
                    .build()));

        assertThat(step(live, SagaStep.CONFIRM_ORDER).attempt()).isEqualTo(1);
        assertThat(step(live, SagaStep.CONFIRM_ORDER).lastFailure()).isNull();
    }

    @Test
    void stepsThatAreNotInProgressAreLeftAlone() {
        SagaState state = state(SagaStep.CHARGE_PAYMENT, StepStatus.DONE);

        assertThat(LiveAttempts.apply(state, List.of(pending("ChargePayment", 5, "boom")))).isEqualTo(state);
    }

    @Test
    void anActivityThatMatchesNoStepIsNotGuessedAmongSeveral() {
        SagaState state = new SagaState(UUID.randomUUID(), UUID.randomUUID(), OrderStatus.PENDING, 0, "EUR",
                List.of(new SagaStepState(SagaStep.RESERVE_STOCK, StepStatus.RUNNING, 1, null),
                        new SagaStepState(SagaStep.CHECK_CUSTOMER, StepStatus.RUNNING, 1, null)),
                null, null, null);

        assertThat(LiveAttempts.apply(state, List.of(pending("SomethingElse", 4, "boom")))).isEqualTo(state);
    }

    private static SagaState state(SagaStep inFocus, StepStatus status) {
        List<SagaStepState> steps = Arrays.stream(SagaStep.values())
            .map(step -> step == inFocus ? new SagaStepState(step, status, 1, null)
                    : new SagaStepState(step, StepStatus.PENDING, 0, null))
            .toList();
        return new SagaState(UUID.randomUUID(), UUID.randomUUID(), OrderStatus.PENDING, 4190, "EUR", steps, null, null,
                null);
    }

    private static PendingActivityInfo pending(String type, int attempt, String failure) {
        return PendingActivityInfo.newBuilder()
            .setActivityType(ActivityType.newBuilder().setName(type))
            .setAttempt(attempt)
            .setLastFailure(Failure.newBuilder().setMessage(failure))
            .build();
    }

    private static SagaStepState step(SagaState state, SagaStep step) {
        return state.steps().stream().filter(candidate -> candidate.step() == step).findFirst().orElseThrow();
    }

}
