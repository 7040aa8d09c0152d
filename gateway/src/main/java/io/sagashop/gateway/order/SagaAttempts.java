package io.sagashop.gateway.order;

import java.util.List;

import io.sagashop.contracts.order.SagaState;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.PendingActivityInfo;

/**
 * The saga as the workflow reports it, with the attempts only the server knows: those the
 * ended steps took, from the run's history ({@link RecordedAttempts}), and those of the
 * steps in progress, from its pending activities ({@link LiveAttempts}). The one way the
 * saga view and the live events put the three together.
 */
public final class SagaAttempts {

    private SagaAttempts() {
    }

    public static SagaState known(SagaState reported, List<HistoryEvent> history, List<PendingActivityInfo> pending) {
        return LiveAttempts.apply(RecordedAttempts.apply(reported, RecordedAttempts.of(history.stream())), pending);
    }

}
