package io.sagashop.worker.saga;

import java.util.Locale;

/**
 * Amounts as the Temporal UI and notifications show them; no locale of the worker's
 * machine leaks in.
 */
final class Money {

    private Money() {
    }

    static String format(long cents, String currency) {
        return String.format(Locale.ROOT, "%d.%02d %s", cents / 100, cents % 100, currency);
    }

}
