package io.sagashop.worker.saga;

import java.util.regex.Pattern;

import io.sagashop.problem.validation.Reason;

/**
 * Text as the services take it in a reason or message. A reason a service refused would
 * leave a compensation retrying for ever, so the saga makes every text it sends fit.
 */
final class ServiceText {

    /** The order service keeps reasons of up to this many characters. */
    private static final int MAX_REASON_LENGTH = Reason.MAX_LENGTH;

    /**
     * What the services refuse ({@link Reason}: no control character, C0, DEL or C1, but
     * tab and line breaks; PostgreSQL cannot store NUL), and halves of surrogate pairs,
     * which UTF-8 cannot encode.
     */
    private static final Pattern UNSENDABLE_CHARACTERS = Pattern.compile("[\\p{Cc}\\p{Cs}&&[^\\t\\n\\r]]");

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
