package io.sagashop.contracts.order;

import java.util.UUID;

/** The names both sides of the contract must agree on, kept in one place. */
public final class OrderWorkflows {

    /** The task queue the worker polls and the gateway starts order workflows on. */
    public static final String TASK_QUEUE = "order-saga";

    private static final String WORKFLOW_ID_PREFIX = "order-";

    private OrderWorkflows() {
    }

    /**
     * One run per order: starting the same order twice finds the first run instead of
     * making a second one.
     */
    public static String workflowId(UUID orderId) {
        return WORKFLOW_ID_PREFIX + orderId;
    }

}
