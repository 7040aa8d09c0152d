package io.sagashop.worker.payment;

import java.util.UUID;

/**
 * @param paymentToken the payment provider's token for the shopper's card; the card never
 * reaches Saga Shop
 */
public record Charge(UUID customerId, long amountCents, String currency, String paymentToken) {
}
