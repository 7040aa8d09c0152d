CREATE TABLE product (
    -- Byte order, so "sorted by SKU" means the same on every server whatever its locale.
    sku         varchar(32)   COLLATE "C" NOT NULL,
    name        varchar(200)  NOT NULL,
    description varchar(2000) NOT NULL,
    price_cents bigint        NOT NULL,
    currency    char(3)       NOT NULL,
    stock       integer       NOT NULL,
    updated_at  timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT product_pk PRIMARY KEY (sku),
    CONSTRAINT product_sku_format CHECK (sku ~ '^[A-Z0-9]+(-[A-Z0-9]+)*$' AND char_length(sku) >= 3),
    CONSTRAINT product_name_not_blank CHECK (btrim(name) <> ''),
    CONSTRAINT product_price_positive CHECK (price_cents > 0),
    CONSTRAINT product_currency_format CHECK (currency ~ '^[A-Z]{3}$'),
    -- The last line of defence against overselling: reservations take stock with a conditional update.
    CONSTRAINT product_stock_not_negative CHECK (stock >= 0)
);
