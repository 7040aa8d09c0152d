-- One payment per order: the unique order id turns a repeated charge into a replay instead of a second charge.
-- A VOIDED payment is a marker left by a refund that found nothing to refund; it carries no charge data.
CREATE TABLE payment (
    id            uuid        NOT NULL,
    order_id      uuid        NOT NULL,
    customer_id   uuid,
    status        varchar(16) NOT NULL,
    amount_cents  bigint      NOT NULL,
    currency      varchar(3),
    payment_token varchar(32),
    decline_code  varchar(32),
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    CONSTRAINT payment_pk PRIMARY KEY (id),
    CONSTRAINT payment_order_id_unique UNIQUE (order_id),
    CONSTRAINT payment_status_known CHECK (status IN ('CAPTURED', 'DECLINED', 'REFUNDED', 'VOIDED')),
    CONSTRAINT payment_amount_not_negative CHECK (amount_cents >= 0),
    CONSTRAINT payment_currency_iso_code CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT payment_charge_complete CHECK (status = 'VOIDED' OR (customer_id IS NOT NULL
        AND amount_cents > 0 AND currency IS NOT NULL AND payment_token IS NOT NULL)),
    CONSTRAINT payment_void_empty CHECK (status <> 'VOIDED' OR (amount_cents = 0 AND payment_token IS NULL)),
    CONSTRAINT payment_decline_code_iff_declined CHECK ((status = 'DECLINED') = (decline_code IS NOT NULL)),
    CONSTRAINT payment_decline_code_known CHECK (decline_code IN ('CARD_DECLINED', 'INSUFFICIENT_FUNDS'))
);

-- At most one refund per payment, always of a positive amount: a retried compensation cannot refund twice.
CREATE TABLE refund (
    id           uuid        NOT NULL,
    payment_id   uuid        NOT NULL,
    amount_cents bigint      NOT NULL,
    created_at   timestamptz NOT NULL,
    CONSTRAINT refund_pk PRIMARY KEY (id),
    CONSTRAINT refund_payment_fk FOREIGN KEY (payment_id) REFERENCES payment (id),
    CONSTRAINT refund_payment_id_unique UNIQUE (payment_id),
    CONSTRAINT refund_amount_positive CHECK (amount_cents > 0)
);
