package io.sagashop.contracts.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The answer to {@link OrderWorkflow#sagaState()}: the order and each step of its saga.
 *
 * @param totalCents 0 until the inventory has priced the order
 * @param currency null until the inventory has priced the order
 * @param cancelReason why the saga ends cancelled, null while it does not
 * @param failureType the stable type of the failure that ends the saga, null while none
 * does
 * @param approvalDeadline when the approval wait ends without a decision; null unless the
 * order waits, or waited, for an operator's approval
 */
public record SagaState(UUID orderId, UUID customerId, OrderStatus orderStatus, long totalCents,
        @Nullable String currency, List<SagaStepState> steps, @Nullable String cancelReason,
        @Nullable String failureType, @Nullable Instant approvalDeadline) {

    public SagaState {
        steps = List.copyOf(steps);
    }

    /** The same order with its steps as readers outside the run know them better. */
    public SagaState withSteps(List<SagaStepState> knownSteps) {
        return new SagaState(orderId, customerId, orderStatus, totalCents, currency, knownSteps, cancelReason,
                failureType, approvalDeadline);
    }
}
