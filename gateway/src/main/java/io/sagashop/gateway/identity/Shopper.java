package io.sagashop.gateway.identity;

import java.util.UUID;

/**
 * The shopper calling the API; a handler method declares a parameter of this type to
 * require one.
 */
public record Shopper(UUID customerId) {
}
