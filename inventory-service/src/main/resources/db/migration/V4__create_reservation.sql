CREATE TABLE reservation (
    id          uuid        NOT NULL,
    order_id    uuid        NOT NULL,
    status      varchar(16) NOT NULL,
    total_cents bigint      NOT NULL,
    currency    char(3)     NOT NULL,
    created_at  timestamptz NOT NULL,
    released_at timestamptz,
    CONSTRAINT reservation_pk PRIMARY KEY (id),
    -- One reservation per order: decides between concurrent first requests, and between a reserve still in
    -- flight and the release that compensated it.
    CONSTRAINT reservation_order_id_unique UNIQUE (order_id),
    CONSTRAINT reservation_status_known CHECK (status IN ('RESERVED', 'RELEASED')),
    CONSTRAINT reservation_total_not_negative CHECK (total_cents >= 0),
    CONSTRAINT reservation_currency_format CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT reservation_released_at_iff_released CHECK ((status = 'RELEASED') = (released_at IS NOT NULL))
);

-- The product name and unit price are copied at reservation time: the reservation states what was priced.
CREATE TABLE reservation_line (
    reservation_id   uuid         NOT NULL,
    sku              varchar(32)  COLLATE "C" NOT NULL,
    product_name     varchar(200) NOT NULL,
    quantity         integer      NOT NULL,
    unit_price_cents bigint       NOT NULL,
    CONSTRAINT reservation_line_pk PRIMARY KEY (reservation_id, sku),
    CONSTRAINT reservation_line_reservation_fk FOREIGN KEY (reservation_id) REFERENCES reservation (id),
    CONSTRAINT reservation_line_product_fk FOREIGN KEY (sku) REFERENCES product (sku),
    CONSTRAINT reservation_line_quantity_positive CHECK (quantity > 0),
    CONSTRAINT reservation_line_unit_price_positive CHECK (unit_price_cents > 0)
);

CREATE INDEX reservation_line_sku_idx ON reservation_line (sku);
