-- One row per message sent to a shopper about an order. The saga notifies at most once per order and kind,
-- so (order_id, kind) is also the idempotency key of the write API.
CREATE TABLE notification (
    id           uuid          NOT NULL,
    order_id     uuid          NOT NULL,
    customer_id  uuid          NOT NULL,
    kind         varchar(32)   NOT NULL,
    channel      varchar(16)   NOT NULL,
    message      varchar(1000) NOT NULL,
    created_at   timestamptz   NOT NULL,
    -- Stays NULL until a channel that can confirm delivery (the browser push) has delivered it.
    delivered_at timestamptz,
    CONSTRAINT notification_pk PRIMARY KEY (id),
    CONSTRAINT notification_one_per_order_and_kind UNIQUE (order_id, kind),
    CONSTRAINT notification_kind_known CHECK (kind IN ('ORDER_CONFIRMED', 'ORDER_CANCELLED', 'APPROVAL_PENDING')),
    CONSTRAINT notification_channel_known CHECK (channel IN ('EMAIL', 'IN_APP')),
    CONSTRAINT notification_message_not_blank CHECK (btrim(message) <> ''),
    CONSTRAINT notification_delivered_after_created CHECK (delivered_at IS NULL OR delivered_at >= created_at)
);

-- A shopper's notifications, newest first (the listing API).
CREATE INDEX notification_customer_newest_first ON notification (customer_id, created_at DESC);

-- What is still to be pushed to a shopper's browser once they connect; small, because delivered rows leave it.
CREATE INDEX notification_customer_undelivered ON notification (customer_id, created_at)
    WHERE delivered_at IS NULL;
