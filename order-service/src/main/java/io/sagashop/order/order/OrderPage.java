package io.sagashop.order.order;

import java.util.List;

record OrderPage(List<OrderResponse> items, int page, int size, long totalItems) {
}
