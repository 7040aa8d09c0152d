package io.sagashop.order.order;

import java.util.UUID;

import io.sagashop.support.problem.ResourceNotFoundException;

class OrderNotFoundException extends ResourceNotFoundException {

    OrderNotFoundException(UUID orderId) {
        super("order", orderId);
    }

}
