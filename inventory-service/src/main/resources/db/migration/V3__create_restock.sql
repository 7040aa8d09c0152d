CREATE TABLE restock (
    id              uuid         NOT NULL,
    idempotency_key varchar(100) NOT NULL,
    sku             varchar(32)  COLLATE "C" NOT NULL,
    quantity        integer      NOT NULL,
    stock_after     integer      NOT NULL,
    created_at      timestamptz  NOT NULL,
    CONSTRAINT restock_pk PRIMARY KEY (id),
    -- Decides between two concurrent first requests with the same key: the loser replays the winner's row.
    CONSTRAINT restock_idempotency_key_unique UNIQUE (idempotency_key),
    CONSTRAINT restock_product_fk FOREIGN KEY (sku) REFERENCES product (sku),
    CONSTRAINT restock_quantity_positive CHECK (quantity > 0),
    CONSTRAINT restock_stock_after_includes_quantity CHECK (stock_after >= quantity)
);

CREATE INDEX restock_sku_idx ON restock (sku);
