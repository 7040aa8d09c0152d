-- The people who can sign in. The subject is what every token names them by (`sub`); a shopper's subject is
-- their customer id in customer-service, so the services need no lookup from token to customer.
CREATE TABLE account (
    subject       uuid         NOT NULL,
    -- Stored lower-case so that the unique constraint and the sign-in compare addresses case-insensitively.
    email         varchar(254) NOT NULL,
    -- Spring Security's DelegatingPasswordEncoder format, e.g. {bcrypt}$2a$10$...: never the password itself.
    password_hash varchar(255) NOT NULL,
    display_name  varchar(100) NOT NULL,
    role          varchar(16)  NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT account_pk PRIMARY KEY (subject),
    CONSTRAINT account_email_lower_case CHECK (email = lower(email)),
    CONSTRAINT account_email_unique UNIQUE (email),
    CONSTRAINT account_password_hash_encoded CHECK (password_hash LIKE '{%}%'),
    CONSTRAINT account_display_name_not_blank CHECK (btrim(display_name) <> ''),
    CONSTRAINT account_role_known CHECK (role IN ('SHOPPER', 'OPERATOR'))
);
