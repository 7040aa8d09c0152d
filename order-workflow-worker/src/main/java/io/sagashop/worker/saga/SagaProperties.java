package io.sagashop.worker.saga;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the order saga behaves: when an order needs approval, and how each kind of activity
 * call is retried.
 */
@ConfigurationProperties("sagashop.worker.saga")
@Validated
public record SagaProperties(@NotNull @Valid Approval approval, @NotNull @Valid Activities activities) {

    /**
     * Orders whose total is above the threshold wait for an operator's decision; with
     * none within the timeout they are cancelled. A run captures these values when it
     * starts, so changing them affects new orders only.
     */
    public record Approval(@PositiveOrZero long thresholdCents, @NotNull Duration timeout) {
    }

    /**
     * One entry per kind of activity call; {@code compensate} applies to every
     * compensation.
     */
    public record Activities(@NotNull @Valid ActivitySettings createOrder,
            @NotNull @Valid ActivitySettings reserveStock, @NotNull @Valid ActivitySettings checkCustomer,
            @NotNull @Valid ActivitySettings awaitApproval, @NotNull @Valid ActivitySettings chargePayment,
            @NotNull @Valid ActivitySettings confirmOrder, @NotNull @Valid ActivitySettings notifyShopper,
            @NotNull @Valid ActivitySettings compensate) {
    }
}
