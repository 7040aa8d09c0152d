package io.sagashop.launcher.process;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polls a condition until it holds, failing at once when a process it waits for is gone.
 */
final class Waits {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private Waits() {
    }

    static void until(String what, Duration timeout, BooleanSupplier condition, BooleanSupplier gone,
            Supplier<String> whyGone) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (gone.getAsBoolean()) {
                throw new ProcessFailedException(whyGone.get());
            }
            if (System.nanoTime() > deadline) {
                throw new ProcessFailedException(what + " did not happen within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(POLL_INTERVAL);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new ProcessFailedException("Interrupted while waiting for " + what);
            }
        }
    }

}
