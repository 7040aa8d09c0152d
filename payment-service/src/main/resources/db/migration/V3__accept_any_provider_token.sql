-- Any token of a payment provider's shape is charged, and one the simulated processor never issued is recorded as
-- a decline (UNKNOWN_TOKEN), so the column holds tokens as sent: up to 255 letters, digits, '_' and '-', the
-- shape the service validates. Widening a varchar rewrites no rows.
ALTER TABLE payment ALTER COLUMN payment_token TYPE varchar(255);

ALTER TABLE payment
    ADD CONSTRAINT payment_token_shape CHECK (payment_token ~ '^[A-Za-z0-9_-]{1,255}$');

ALTER TABLE payment DROP CONSTRAINT payment_decline_code_known;
ALTER TABLE payment
    ADD CONSTRAINT payment_decline_code_known
        CHECK (decline_code IN ('CARD_DECLINED', 'INSUFFICIENT_FUNDS', 'UNKNOWN_TOKEN'));
