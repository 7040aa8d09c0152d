package io.sagashop.contracts.order;

public enum StepStatus {

    PENDING, RUNNING, DONE, FAILED, SKIPPED, COMPENSATING, COMPENSATED

}
