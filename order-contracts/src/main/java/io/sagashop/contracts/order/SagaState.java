package io.sagashop.contracts.order;

import java.util.List;
import java.util.UUID;

/**
 * The answer to {@link OrderWorkflow#sagaState()}: the order and each step of its saga.
 */
public record SagaState(UUID orderId, UUID customerId, OrderStatus orderStatus, long totalCents, String currency,
        List<SagaStepState> steps, String cancelReason, String failureType) {

    public SagaState {
        steps = List.copyOf(steps);
    }
}
