package io.sagashop.gateway.order;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * The page tokens of the operator's order list: Temporal's own token with a MAC over it
 * and the query it pages through, under the gateway's secret. Temporal answers a token it
 * did not issue, or one of another query, with an internal error; a token the gateway did
 * not seal for this query is refused here as a bad request, and never reaches Temporal.
 */
@Component
class PageTokens {

    private static final String HMAC = "HmacSHA256";

    private static final int MAC_BYTES = 16;

    private static final byte[] PURPOSE = "order-run-page-token".getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec key;

    PageTokens(OrderIdProperties properties) {
        this.key = new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), HMAC);
    }

    String seal(byte[] temporalToken, String query) {
        byte[] sealed = new byte[MAC_BYTES + temporalToken.length];
        System.arraycopy(mac(temporalToken, query), 0, sealed, 0, MAC_BYTES);
        System.arraycopy(temporalToken, 0, sealed, MAC_BYTES, temporalToken.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    /**
     * Temporal's token, if this gateway sealed it for the query.
     * @throws InvalidPageTokenException otherwise
     */
    byte[] open(String pageToken, String query) {
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(pageToken);
        }
        catch (IllegalArgumentException notBase64) {
            throw new InvalidPageTokenException();
        }
        if (sealed.length <= MAC_BYTES) {
            throw new InvalidPageTokenException();
        }
        byte[] temporalToken = Arrays.copyOfRange(sealed, MAC_BYTES, sealed.length);
        byte[] expected = Arrays.copyOf(mac(temporalToken, query), MAC_BYTES);
        if (!MessageDigest.isEqual(expected, Arrays.copyOf(sealed, MAC_BYTES))) {
            throw new InvalidPageTokenException();
        }
        return temporalToken;
    }

    private byte[] mac(byte[] temporalToken, String query) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(PURPOSE);
            byte[] queryBytes = query.getBytes(StandardCharsets.UTF_8);
            // Lengths first, so that no two (query, token) pairs give the same input.
            mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(queryBytes.length).array());
            mac.update(queryBytes);
            mac.update(temporalToken);
            return mac.doFinal();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", ex);
        }
    }

}
