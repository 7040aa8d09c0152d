package io.sagashop.gateway.order;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * The order id a shopper's idempotency key stands for: the same key of the same shopper
 * is the same order, so a repeated request finds the order it placed. Keyed (HMAC-SHA256
 * with a secret of the gateway's), so that knowing a shopper's id and key is not enough
 * to know, or to claim in advance, the id of their order.
 */
@Component
class OrderIds {

    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    OrderIds(OrderIdProperties properties) {
        this.key = new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), HMAC);
    }

    /**
     * A version 8 (custom) UUID from the first 16 bytes of the MAC over the customer id's
     * 16 bytes followed by the key: the fixed-length prefix keeps every pair apart.
     */
    UUID of(UUID customerId, String idempotencyKey) {
        Mac mac = mac();
        mac.update(ByteBuffer.allocate(16)
            .putLong(customerId.getMostSignificantBits())
            .putLong(customerId.getLeastSignificantBits())
            .array());
        ByteBuffer hash = ByteBuffer.wrap(mac.doFinal(idempotencyKey.getBytes(StandardCharsets.UTF_8)));
        long high = (hash.getLong() & ~0xF000L) | 0x8000L;
        long low = (hash.getLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low);
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        }
        catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException("Every JDK provides " + HMAC, ex);
        }
    }

}
