package io.sagashop.contracts.order;

import io.temporal.common.SearchAttributeKey;

/**
 * Search attributes the workflow keeps current so that runs can be filtered in the
 * Temporal UI and by the gateway. The server must know them before a run sets them
 * (registered at server start).
 */
public final class OrderSearchAttributes {

    public static final SearchAttributeKey<String> CUSTOMER_ID = SearchAttributeKey.forKeyword("CustomerId");

    public static final SearchAttributeKey<String> ORDER_STATUS = SearchAttributeKey.forKeyword("OrderStatus");

    public static final SearchAttributeKey<Long> ORDER_TOTAL_CENTS = SearchAttributeKey.forLong("OrderTotalCents");

    private OrderSearchAttributes() {
    }

}
