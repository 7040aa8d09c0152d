package io.sagashop.payment.charge;

/** Where a payment stands. Only a captured payment holds the shopper's money. */
enum PaymentStatus {

    /** Authorized and captured in one step: the money is taken. */
    CAPTURED,

    /** The issuer refused the charge; nothing was taken. */
    DECLINED,

    /** A captured payment whose full amount was given back. */
    REFUNDED,

    /** Refunded before any charge arrived, so a late charge for the order is refused. */
    VOIDED

}
