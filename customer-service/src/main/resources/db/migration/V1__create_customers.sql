CREATE TABLE customer (
    id                 uuid         PRIMARY KEY,
    name               varchar(100) NOT NULL,
    email              varchar(254) NOT NULL,
    status             varchar(16)  NOT NULL CHECK (status IN ('ACTIVE', 'BLOCKED')),
    credit_limit_cents bigint       NOT NULL CHECK (credit_limit_cents >= 0),
    creation_key       varchar(100) UNIQUE,
    created_at         timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT customer_email_unique UNIQUE (email)
);
