package io.sagashop.gateway;

import java.util.UUID;

import io.temporal.activity.ActivityInterface;

/**
 * The one activity the scripted workflow runs: a charge that fails, for good or for a few
 * attempts.
 */
@ActivityInterface
public interface PaymentActivities {

    void chargePayment(UUID orderId, String paymentToken);

}
