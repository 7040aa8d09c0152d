package io.sagashop.gateway;

import java.util.UUID;

import io.temporal.activity.ActivityInterface;

/** The one activity the scripted workflow runs: a charge that keeps failing, so that it stays pending. */
@ActivityInterface
public interface PaymentActivities {

    void chargePayment(UUID orderId);
}
