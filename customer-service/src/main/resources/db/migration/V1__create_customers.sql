-- Customers who may place orders. An order check reads the status and the credit limit; nothing else in the
-- system writes here, and no other service reads this table directly.
CREATE TABLE customer (
    id                 uuid         NOT NULL,
    name               varchar(100) NOT NULL,
    -- Stored lower-case so that the unique constraint compares addresses case-insensitively.
    email              varchar(254) NOT NULL,
    status             varchar(16)  NOT NULL,
    -- Euro cents; an order check approves an order total up to this amount.
    credit_limit_cents bigint       NOT NULL,
    -- Idempotency-Key of the request that created the row; NULL for seeded customers.
    creation_key       varchar(100),
    created_at         timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT customer_pk PRIMARY KEY (id),
    CONSTRAINT customer_name_not_blank CHECK (btrim(name) <> ''),
    CONSTRAINT customer_email_lower_case CHECK (email = lower(email)),
    CONSTRAINT customer_email_unique UNIQUE (email),
    CONSTRAINT customer_status_known CHECK (status IN ('ACTIVE', 'BLOCKED')),
    CONSTRAINT customer_credit_limit_not_negative CHECK (credit_limit_cents >= 0),
    CONSTRAINT customer_creation_key_not_blank CHECK (btrim(creation_key) <> ''),
    CONSTRAINT customer_creation_key_unique UNIQUE (creation_key)
);
