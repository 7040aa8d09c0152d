-- How often the simulated processor was asked to charge an order with the flaky test token. Kept in the
-- database so that "unavailable for the first N attempts" survives a restart of the service.
CREATE TABLE processor_attempt (
    order_id uuid    NOT NULL,
    attempts integer NOT NULL,
    CONSTRAINT processor_attempt_pk PRIMARY KEY (order_id),
    CONSTRAINT processor_attempt_attempts_positive CHECK (attempts > 0)
);
