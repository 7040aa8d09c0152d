package io.sagashop.worker.saga;

import java.time.Duration;

/**
 * The saga's settings as the workflow tests run it: like production, with a short
 * notification budget.
 */
final class TestSagaProperties {

    static final long APPROVAL_THRESHOLD_CENTS = 100_000;
    static final Duration APPROVAL_TIMEOUT = Duration.ofHours(24);
    static final Duration PAYMENT_RETRY_BUDGET = Duration.ofSeconds(30);
    static final int NOTIFICATION_ATTEMPTS = 3;

    private TestSagaProperties() {
    }

    static SagaProperties create() {
        ActivitySettings untilItSucceeds = new ActivitySettings(Duration.ofSeconds(10), null, Duration.ofSeconds(1),
                2.0, Duration.ofSeconds(10), 0);
        ActivitySettings payment = new ActivitySettings(Duration.ofSeconds(10), PAYMENT_RETRY_BUDGET,
                Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10), 0);
        ActivitySettings notification = new ActivitySettings(Duration.ofSeconds(10), null, Duration.ofSeconds(1), 2.0,
                Duration.ofSeconds(10), NOTIFICATION_ATTEMPTS);
        return new SagaProperties(new SagaProperties.Approval(APPROVAL_THRESHOLD_CENTS, APPROVAL_TIMEOUT),
                new SagaProperties.Activities(untilItSucceeds, untilItSucceeds, untilItSucceeds, untilItSucceeds,
                        payment, untilItSucceeds, notification, untilItSucceeds));
    }

}
