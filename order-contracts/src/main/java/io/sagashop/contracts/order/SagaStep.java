package io.sagashop.contracts.order;

/** The saga's steps in the order they run. */
public enum SagaStep {

    CREATE_ORDER, RESERVE_STOCK, CHECK_CUSTOMER, AWAIT_APPROVAL, CHARGE_PAYMENT, CONFIRM_ORDER, NOTIFY_SHOPPER

}
