package io.sagashop.gateway.order;

import java.util.Locale;

import io.sagashop.contracts.order.SagaStep;

/**
 * Which activity runs a step: the one whose type is the step's name in another case
 * ({@code ChargePayment} for {@code CHARGE_PAYMENT}). Compensations have names of their
 * own ({@code RefundPayment}).
 */
final class StepActivities {

    private StepActivities() {
    }

    static boolean runs(SagaStep step, String activityType) {
        return normalized(step.name()).equals(normalized(activityType));
    }

    private static String normalized(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

}
