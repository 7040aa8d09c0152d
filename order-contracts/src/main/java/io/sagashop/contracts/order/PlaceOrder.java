package io.sagashop.contracts.order;

import java.util.List;
import java.util.UUID;

/**
 * What a shopper ordered. Prices are deliberately absent: the inventory prices the lines
 * from its catalog.
 *
 * @param paymentToken a token of the payment provider; the card itself never reaches Saga
 * Shop
 */
public record PlaceOrder(UUID orderId, UUID customerId, List<OrderLine> lines, String paymentToken) {

    public PlaceOrder {
        lines = List.copyOf(lines);
    }
}
