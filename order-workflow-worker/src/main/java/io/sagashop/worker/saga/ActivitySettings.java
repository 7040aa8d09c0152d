package io.sagashop.worker.saga;

import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;

/**
 * Timeouts and retry policy of one kind of activity call.
 *
 * @param startToClose how long one attempt may take
 * @param scheduleToClose how long all attempts together may take; null for no bound
 * (retried until it succeeds)
 * @param maximumAttempts 0 for unlimited
 */
public record ActivitySettings(@NotNull Duration startToClose, Duration scheduleToClose,
        @NotNull Duration initialInterval, @DecimalMin("1.0") double backoffCoefficient,
        @NotNull Duration maximumInterval, @PositiveOrZero int maximumAttempts) {

    /**
     * @param summary what this call does for the order, shown with the call in the
     * Temporal UI
     * @param cancellationType what cancelling the run does to an attempt of this call in
     * flight
     */
    ActivityOptions toActivityOptions(String summary, ActivityCancellationType cancellationType) {
        RetryOptions retry = RetryOptions.newBuilder()
            .setInitialInterval(initialInterval)
            .setBackoffCoefficient(backoffCoefficient)
            .setMaximumInterval(maximumInterval)
            .setMaximumAttempts(maximumAttempts)
            .build();
        ActivityOptions.Builder options = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(startToClose)
            .setRetryOptions(retry)
            .setCancellationType(cancellationType)
            .setSummary(summary);
        if (scheduleToClose != null) {
            options.setScheduleToCloseTimeout(scheduleToClose);
        }
        return options.build();
    }
}
