package io.sagashop.gateway.order;

import java.nio.charset.StandardCharsets;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param secret the key order ids are derived with; without it nobody can compute a
 * shopper's next order id from their key
 */
@ConfigurationProperties("sagashop.gateway.order-ids")
record OrderIdProperties(String secret) {

    static final int MIN_SECRET_BYTES = 32;

    OrderIdProperties {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(
                    "SAGASHOP_ORDER_ID_SECRET (sagashop.gateway.order-ids.secret) is not set: "
                            + "order ids are derived with it; set it to a random secret of at least " + MIN_SECRET_BYTES
                            + " bytes, e.g. the output of `openssl rand -base64 48`");
        }
        int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("SAGASHOP_ORDER_ID_SECRET (sagashop.gateway.order-ids.secret) has "
                    + bytes + " bytes; it needs at least " + MIN_SECRET_BYTES
                    + ", e.g. the output of `openssl rand -base64 48`");
        }
    }

    @Override
    public String toString() {
        return "OrderIdProperties[secret=(hidden)]";
    }

}
