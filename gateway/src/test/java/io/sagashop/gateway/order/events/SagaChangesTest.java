package io.sagashop.gateway.order.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.sagashop.contracts.order.OrderStatus;
import io.sagashop.contracts.order.SagaState;
import io.sagashop.contracts.order.SagaStep;
import io.sagashop.contracts.order.SagaStepState;
import io.sagashop.contracts.order.StepStatus;

class SagaChangesTest {

    private static final UUID ORDER = UUID.randomUUID();

    @Test
    void aRetryIsOneFailedAttempt() {
        SagaState before = saga(null, step(SagaStep.CHARGE_PAYMENT, StepStatus.RUNNING, 1, null));
        SagaState after = saga(null, step(SagaStep.CHARGE_PAYMENT, StepStatus.RUNNING, 2, "503"));

        assertThat(describe(SagaChanges.between(before, after))).containsExactly("ATTEMPT_FAILED CHARGE_PAYMENT 1 503");
    }

    @Test
    void twoRetriesAndTheSuccessBetweenObservationsAreEachTold() {
        SagaState before = saga(null, step(SagaStep.CHARGE_PAYMENT, StepStatus.RUNNING, 1, null));
        SagaState after = saga(null, step(SagaStep.CHARGE_PAYMENT, StepStatus.DONE, 3, "503"),
                step(SagaStep.CONFIRM_ORDER, StepStatus.RUNNING, 1, null));

        assertThat(describe(SagaChanges.between(before, after))).containsExactly("ATTEMPT_FAILED CHARGE_PAYMENT 1 null",
                "ATTEMPT_FAILED CHARGE_PAYMENT 2 503", "STEP_DONE CHARGE_PAYMENT 3 null",
                "STEP_STARTED CONFIRM_ORDER 1 null");
    }

    @Test
    void compensationsAreToldInReverseAndTheShopperIsToldAfterThem() {
        SagaState before = saga(null, step(SagaStep.CREATE_ORDER, StepStatus.DONE, 1, null),
                step(SagaStep.RESERVE_STOCK, StepStatus.DONE, 1, null),
                step(SagaStep.CHARGE_PAYMENT, StepStatus.RUNNING, 1, null));
        SagaState after = ending(saga(null, step(SagaStep.CREATE_ORDER, StepStatus.COMPENSATED, 1, null),
                step(SagaStep.RESERVE_STOCK, StepStatus.COMPENSATED, 1, null),
                step(SagaStep.CHARGE_PAYMENT, StepStatus.FAILED, 1, "Card declined"),
                step(SagaStep.NOTIFY_SHOPPER, StepStatus.DONE, 1, null)));

        assertThat(describe(SagaChanges.between(before, after))).containsExactly(
                "STEP_FAILED CHARGE_PAYMENT 1 Card declined", "COMPENSATION_STARTED RESERVE_STOCK 1 null",
                "STEP_COMPENSATED RESERVE_STOCK 1 null", "COMPENSATION_STARTED CREATE_ORDER 1 null",
                "STEP_COMPENSATED CREATE_ORDER 1 null", "STEP_STARTED NOTIFY_SHOPPER 1 null",
                "STEP_DONE NOTIFY_SHOPPER 1 null");
    }

    @Test
    void aRetriedCompensationShowsItsAttempts() {
        SagaState before = saga(null, step(SagaStep.RESERVE_STOCK, StepStatus.COMPENSATING, 1, null));
        SagaState after = saga(null, step(SagaStep.RESERVE_STOCK, StepStatus.COMPENSATING, 2, "inventory down"));

        assertThat(describe(SagaChanges.between(before, after)))
            .containsExactly("ATTEMPT_FAILED RESERVE_STOCK 1 inventory down");
    }

    @Test
    void theApprovalWaitFollowsItsStep() {
        SagaState before = saga(null, step(SagaStep.CHECK_CUSTOMER, StepStatus.RUNNING, 1, null));
        SagaState after = saga(Instant.parse("2026-12-03T10:00:00Z"),
                step(SagaStep.CHECK_CUSTOMER, StepStatus.DONE, 1, null),
                step(SagaStep.AWAIT_APPROVAL, StepStatus.RUNNING, 1, null));

        assertThat(describe(SagaChanges.between(before, after))).containsExactly("STEP_DONE CHECK_CUSTOMER 1 null",
                "STEP_STARTED AWAIT_APPROVAL 1 null", "APPROVAL_WAIT_STARTED null null null");
    }

    @Test
    void anOlderAttemptReadLateChangesNothing() {
        SagaState before = saga(null, step(SagaStep.CHARGE_PAYMENT, StepStatus.RUNNING, 3, "503"));
        SagaState stale = saga(null, step(SagaStep.CHARGE_PAYMENT, StepStatus.RUNNING, 2, "503"));

        SagaState kept = SagaChanges.keepingAttempts(before, stale);

        assertThat(kept).isEqualTo(before);
        assertThat(SagaChanges.between(before, kept)).isEmpty();
    }

    @Test
    void anyOtherChangeIsAnUpdate() {
        SagaState before = saga(null, step(SagaStep.RESERVE_STOCK, StepStatus.DONE, 1, null));
        SagaState after = new SagaState(ORDER, ORDER, OrderStatus.AWAITING_APPROVAL, 0, null, before.steps(), null,
                null, null);

        assertThat(describe(SagaChanges.between(before, after))).containsExactly("SAGA_UPDATED null null null");
    }

    private static List<String> describe(List<SagaChanges.Change> changes) {
        return changes.stream()
            .map(change -> change.kind() + " " + change.step() + " " + change.attempt() + " " + change.failure())
            .toList();
    }

    private static SagaStepState step(SagaStep step, StepStatus status, int attempt, String failure) {
        return new SagaStepState(step, status, attempt, failure);
    }

    /** The steps given, every other one pending. */
    private static SagaState saga(Instant approvalDeadline, SagaStepState... given) {
        List<SagaStepState> steps = new ArrayList<>();
        for (SagaStep step : SagaStep.values()) {
            SagaStepState state = new SagaStepState(step, StepStatus.PENDING, 0, null);
            for (SagaStepState candidate : given) {
                if (candidate.step() == step) {
                    state = candidate;
                }
            }
            steps.add(state);
        }
        return new SagaState(ORDER, ORDER, OrderStatus.PENDING, 0, null, steps, null, null, approvalDeadline);
    }

    private static SagaState ending(SagaState state) {
        return new SagaState(state.orderId(), state.customerId(), OrderStatus.CANCELLED, state.totalCents(),
                state.currency(), state.steps(), "Card declined", "card-declined", null);
    }

}
