package io.sagashop.gateway.order;

import java.util.List;

/** One page of a shopper's orders, newest first, as the order service lists them. */
record OrderPage(List<OrderView> items, int page, int size, long totalItems) {

    static OrderPage empty(int page, int size) {
        return new OrderPage(List.of(), page, size, 0);
    }
}
