package io.sagashop.worker.saga;

import java.util.regex.Pattern;

/**
 * Text as the services take it in a reason or message. A reason a service refused would
 * leave a compensation retrying for ever, so the saga makes every text it sends fit.
 */
final class ServiceText {

    /** The order service keeps cancel reasons of up to 500 characters. */
    private static final int MAX_REASON_LENGTH = 500;

    /**
     * What the services refuse (PostgreSQL cannot store NUL; the order service takes no
     * control character but tab and line breaks), and halves of surrogate pairs, which
     * UTF-8 cannot encode.
     */
    private static final Pattern UNSENDABLE_CHARACTERS = Pattern.compile("[\\p{Cntrl}\\p{Cs}&&[^\\t\\n\\r]]");

    private ServiceText() {
    }

    /** Without the characters the services refuse. */
    static String sendable(String text) {
        return UNSENDABLE_CHARACTERS.matcher(text).replaceAll("");
    }

    /**
     * A reason as the order service keeps it: sendable, and shortened to the length it
     * stores.
     */
    static String storable(String reason) {
        String sendable = sendable(reason);
        if (sendable.length() <= MAX_REASON_LENGTH) {
            return sendable;
        }
        int end = MAX_REASON_LENGTH - 1;
        // Never cut between the halves of a surrogate pair.
        if (Character.isHighSurrogate(sendable.charAt(end - 1))) {
            end--;
        }
        return sendable.substring(0, end) + "…";
    }

}
