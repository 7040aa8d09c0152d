package io.sagashop.worker.saga;

import io.sagashop.worker.customer.CustomerActivities;
import io.sagashop.worker.inventory.InventoryActivities;
import io.sagashop.worker.notification.NotificationActivities;
import io.sagashop.worker.order.OrderActivities;
import io.sagashop.worker.payment.PaymentActivities;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.workflow.Workflow;

/**
 * The saga's activity stubs, one per kind of call with its settings, each with the
 * summary the Temporal UI shows with the call.
 *
 * <p>
 * Forward steps wait for an attempt in flight when the run is cancelled: their activities
 * do not heartbeat, so they never learn of the cancellation, and with the default
 * TRY_CANCEL the saga would stop waiting at once and compensate while the attempt could
 * still create, reserve, charge or confirm after the compensation undid it. Waiting for
 * it (at most its start-to-close timeout; the server retries no more once the run is
 * cancelled) means the compensations always come last. Nothing follows compensations and
 * notifications that an attempt in flight could overtake.
 */
final class SagaActivities {

    private final SagaProperties.Activities settings;

    SagaActivities(SagaProperties.Activities settings) {
        this.settings = settings;
    }

    OrderActivities createOrder(String summary) {
        return forwardStep(OrderActivities.class, settings.createOrder(), summary);
    }

    InventoryActivities reserveStock(String summary) {
        return forwardStep(InventoryActivities.class, settings.reserveStock(), summary);
    }

    CustomerActivities checkCustomer(String summary) {
        return forwardStep(CustomerActivities.class, settings.checkCustomer(), summary);
    }

    OrderActivities awaitApproval(String summary) {
        return forwardStep(OrderActivities.class, settings.awaitApproval(), summary);
    }

    PaymentActivities chargePayment(String summary) {
        return forwardStep(PaymentActivities.class, settings.chargePayment(), summary);
    }

    OrderActivities confirmOrder(String summary) {
        return forwardStep(OrderActivities.class, settings.confirmOrder(), summary);
    }

    NotificationActivities notifyShopper(String summary) {
        return closingCall(NotificationActivities.class, settings.notifyShopper(), summary);
    }

    <A> A compensate(Class<A> activitiesType, String summary) {
        return closingCall(activitiesType, settings.compensate(), summary);
    }

    private static <A> A forwardStep(Class<A> activitiesType, ActivitySettings settings, String summary) {
        return Workflow.newActivityStub(activitiesType,
                settings.toActivityOptions(summary, ActivityCancellationType.WAIT_CANCELLATION_COMPLETED));
    }

    private static <A> A closingCall(Class<A> activitiesType, ActivitySettings settings, String summary) {
        return Workflow.newActivityStub(activitiesType,
                settings.toActivityOptions(summary, ActivityCancellationType.TRY_CANCEL));
    }

}
