package io.sagashop.problem;

import org.jspecify.annotations.Nullable;

/**
 * Finds what went wrong inside the wrappers a framework adds (a decoding exception around
 * Jackson's, a web exception around ours), for both web stacks' problem adapters.
 */
public final class Causes {

    private Causes() {
    }

    /** The exception itself or its first cause of the given type, or null. */
    public static <T extends Throwable> @Nullable T find(Throwable ex, Class<T> type) {
        for (Throwable current = ex; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }

}
