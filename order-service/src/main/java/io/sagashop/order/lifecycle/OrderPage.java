package io.sagashop.order.lifecycle;

import java.util.List;

record OrderPage(List<OrderResponse> items, int page, int size, long totalItems) {
}
