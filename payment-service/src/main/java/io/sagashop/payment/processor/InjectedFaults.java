package io.sagashop.payment.processor;

/**
 * The faults an operator injected into the simulated processor, as set and as reported.
 */
record InjectedFaults(int failNextCalls, int latencyMillis) {

    static final InjectedFaults NONE = new InjectedFaults(0, 0);

    InjectedFaults withOneFailureUsed() {
        return new InjectedFaults(Math.max(0, failNextCalls - 1), latencyMillis);
    }
}
