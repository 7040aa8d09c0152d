package io.sagashop.order.lifecycle;

import java.util.UUID;

import io.sagashop.problem.ResourceNotFoundException;

class OrderNotFoundException extends ResourceNotFoundException {

    OrderNotFoundException(UUID orderId) {
        super("order", orderId);
    }

}
