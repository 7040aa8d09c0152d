package io.sagashop.gateway.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.sagashop.contracts.order.PlaceOrder;
import io.sagashop.problem.validation.DistinctSkus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a shopper sends to place an order. There is no price anywhere: totals come from
 * the catalog, and a body that carries one (or any other unknown property) is refused
 * rather than silently ignored.
 */
record PlaceOrderRequest(
        @NotNull @Size(min = 1, max = 50,
                message = "must have 1 to 50 lines") @DistinctSkus List<@NotNull @Valid OrderLineRequest> lines,
        // The shape of a payment provider's token, not a list of tokens: what a token
        // means is the payment service's to decide, so a shop built from this one takes
        // its provider's tokens unchanged. Providers issue opaque ids of letters, digits,
        // '_' and '-' (tok_..., pm_..., src_...); 255 leaves room for any of them while
        // bounding what the saga carries and the payment service stores.
        @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,255}",
                message = "must be 1 to 255 letters, digits, '_' or '-', like tok_visa or pm_1PqRsT2eZvKYlo2C") String paymentToken) {

    PlaceOrder toPlaceOrder(UUID orderId, UUID customerId) {
        return new PlaceOrder(orderId, customerId, lines.stream().map(OrderLineRequest::toOrderLine).toList(),
                paymentToken);
    }

    int totalQuantity() {
        return lines.stream().mapToInt(OrderLineRequest::quantity).sum();
    }

    /**
     * A digest of what was ordered, independent of line order, so that a repeated request
     * can be told apart from a different one sent with the same idempotency key.
     */
    String fingerprint() {
        String canonical = lines.stream()
            .sorted(Comparator.comparing(OrderLineRequest::sku))
            .map(line -> line.sku() + "=" + line.quantity())
            .collect(Collectors.joining(",", "", "|" + paymentToken));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every JDK provides SHA-256", ex);
        }
    }
}
