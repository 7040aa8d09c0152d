package io.sagashop.gateway.identity;

import java.util.UUID;

/**
 * The shopper calling the API: a person with the role {@code SHOPPER}, whose token's
 * subject is their customer id. A handler method declares a parameter of this type to
 * require one.
 */
public record Shopper(UUID customerId) {
}
