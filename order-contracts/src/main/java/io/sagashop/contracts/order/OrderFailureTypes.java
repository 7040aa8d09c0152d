package io.sagashop.contracts.order;

/**
 * The failure types of the saga's own endings, as {@link OrderOutcome#failureType()} and
 * {@link SagaState#failureType()} carry them. Business failures of the services travel
 * under their problem slugs ({@code out-of-stock}, {@code card-declined}, ...).
 */
public final class OrderFailureTypes {

    public static final String CANCELLED_BY_SHOPPER = "cancelled-by-shopper";

    public static final String APPROVAL_REJECTED = "approval-rejected";

    public static final String APPROVAL_TIMED_OUT = "approval-timed-out";

    /** The payment provider stayed unavailable past the payment step's retry budget. */
    public static final String PAYMENT_UNAVAILABLE = "payment-unavailable";

    /** Another step's retry budget, where one is configured, ran out. */
    public static final String SERVICE_UNAVAILABLE = "service-unavailable";

    /** The run was cancelled through Temporal, by an operator. */
    public static final String RUN_CANCELLED = "run-cancelled";

    public static final String COMPENSATION_FAILED = "compensation-failed";

    /**
     * The order was found cancelled by an earlier run of the same request, whose history
     * is gone.
     */
    public static final String ALREADY_CANCELLED = "already-cancelled";

    /**
     * The order service's answer when the order id already holds an order with other
     * content: the request's key was used before for another cart, and Temporal has since
     * deleted that run. This request was not placed; that order is not its own.
     */
    public static final String ORDER_ID_TAKEN = "idempotency-conflict";

    private OrderFailureTypes() {
    }

}
