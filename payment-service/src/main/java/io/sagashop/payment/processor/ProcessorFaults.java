package io.sagashop.payment.processor;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * Faults injected into the simulated processor for demos. They live in this instance's
 * memory only: every instance has its own and a restart clears them. That is enough for a
 * demo switch; anything a shopper relies on belongs in the database.
 */
@Component
class ProcessorFaults {

    private final AtomicReference<InjectedFaults> current = new AtomicReference<>(InjectedFaults.NONE);

    InjectedFaults current() {
        return current.get();
    }

    InjectedFaults replace(InjectedFaults faults) {
        current.set(faults);
        return faults;
    }

    void clear() {
        current.set(InjectedFaults.NONE);
    }

    /**
     * Uses up one injected failure if any is left. Atomic, so parallel charges never
     * share a failure and the count never goes below zero.
     */
    boolean takeFailure() {
        InjectedFaults before = current
            .getAndUpdate(faults -> faults.failNextCalls() > 0 ? faults.withOneFailureUsed() : faults);
        return before.failNextCalls() > 0;
    }

    int latencyMillis() {
        return current.get().latencyMillis();
    }

}
