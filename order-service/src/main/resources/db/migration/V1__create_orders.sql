-- An order, its lines and its status history form one aggregate: created together, changed together.

CREATE TABLE customer_order (
    id             uuid         NOT NULL,
    customer_id    uuid         NOT NULL,
    status         varchar(20)  NOT NULL,
    total_cents    bigint,
    currency       varchar(3),
    reservation_id uuid,
    payment_id     uuid,
    cancel_reason  varchar(500),
    created_at     timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL,
    version        bigint       NOT NULL,
    CONSTRAINT customer_order_pk PRIMARY KEY (id),
    CONSTRAINT customer_order_status_known
        CHECK (status IN ('PENDING', 'AWAITING_APPROVAL', 'CONFIRMED', 'CANCELLED')),
    -- A confirmed order records what was reserved and charged; nothing else carries those facts.
    CONSTRAINT customer_order_confirmed_has_payment
        CHECK (status <> 'CONFIRMED' OR num_nulls(reservation_id, payment_id, total_cents, currency) = 0),
    CONSTRAINT customer_order_payment_only_when_confirmed
        CHECK (status = 'CONFIRMED' OR num_nonnulls(reservation_id, payment_id, total_cents, currency) = 0),
    CONSTRAINT customer_order_cancelled_has_reason
        CHECK (status <> 'CANCELLED' OR cancel_reason IS NOT NULL),
    CONSTRAINT customer_order_reason_only_when_cancelled
        CHECK (status = 'CANCELLED' OR cancel_reason IS NULL),
    CONSTRAINT customer_order_cancel_reason_not_blank CHECK (btrim(cancel_reason) <> ''),
    CONSTRAINT customer_order_total_positive CHECK (total_cents >= 1),
    CONSTRAINT customer_order_currency_iso CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT customer_order_updated_not_before_created CHECK (updated_at >= created_at),
    -- One reservation and one payment belong to exactly one order.
    CONSTRAINT customer_order_reservation_unique UNIQUE (reservation_id),
    CONSTRAINT customer_order_payment_unique UNIQUE (payment_id)
);

-- Serves "a customer's orders, newest first".
CREATE INDEX customer_order_customer_created_idx ON customer_order (customer_id, created_at DESC, id DESC);

CREATE TABLE order_line (
    order_id uuid        NOT NULL,
    line_no  integer     NOT NULL,
    sku      varchar(32) NOT NULL,
    quantity integer     NOT NULL,
    CONSTRAINT order_line_pk PRIMARY KEY (order_id, line_no),
    CONSTRAINT order_line_order_fk FOREIGN KEY (order_id) REFERENCES customer_order (id),
    CONSTRAINT order_line_sku_unique UNIQUE (order_id, sku),
    CONSTRAINT order_line_no_range CHECK (line_no BETWEEN 1 AND 50),
    CONSTRAINT order_line_sku_format CHECK (sku ~ '^[A-Z0-9]+(-[A-Z0-9]+)*$' AND char_length(sku) BETWEEN 3 AND 32),
    CONSTRAINT order_line_quantity_range CHECK (quantity BETWEEN 1 AND 100)
);

CREATE TABLE order_status_change (
    id         bigserial    NOT NULL,
    order_id   uuid         NOT NULL,
    status     varchar(20)  NOT NULL,
    reason     varchar(500),
    changed_at timestamptz  NOT NULL,
    CONSTRAINT order_status_change_pk PRIMARY KEY (id),
    CONSTRAINT order_status_change_order_fk FOREIGN KEY (order_id) REFERENCES customer_order (id),
    CONSTRAINT order_status_change_status_known
        CHECK (status IN ('PENDING', 'AWAITING_APPROVAL', 'CONFIRMED', 'CANCELLED')),
    -- The status graph has no cycles, so an order enters each status at most once.
    CONSTRAINT order_status_change_status_once UNIQUE (order_id, status)
);

-- Whatever races in code, an order ends at most once: confirmed or cancelled, never both.
CREATE UNIQUE INDEX order_status_change_one_final
    ON order_status_change (order_id) WHERE status IN ('CONFIRMED', 'CANCELLED');
