-- Demo customers with fixed ids, one per order-check outcome. Demos and tests across the system refer to
-- these ids, so they never change:
--   c1000000-0000-4000-8000-000000000001  Ada Lovelace     ACTIVE   limit 5,000.00 EUR
--   c1000000-0000-4000-8000-000000000002  Grace Hopper     ACTIVE   limit 10,000.00 EUR
--   c1000000-0000-4000-8000-000000000003  Alan Turing      ACTIVE   limit 2,500.00 EUR
--   c1000000-0000-4000-8000-000000000004  Mallory Blocked  BLOCKED  every order check fails: customer-blocked
--   c1000000-0000-4000-8000-000000000005  Bob Smallbudget  ACTIVE   limit 50.00 EUR: most orders fail with
--                                                                   credit-limit-exceeded
INSERT INTO customer (id, name, email, status, credit_limit_cents) VALUES
    ('c1000000-0000-4000-8000-000000000001', 'Ada Lovelace',    'ada@example.com',     'ACTIVE',   500000),
    ('c1000000-0000-4000-8000-000000000002', 'Grace Hopper',    'grace@example.com',   'ACTIVE',  1000000),
    ('c1000000-0000-4000-8000-000000000003', 'Alan Turing',     'alan@example.com',    'ACTIVE',   250000),
    ('c1000000-0000-4000-8000-000000000004', 'Mallory Blocked', 'mallory@example.com', 'BLOCKED',  500000),
    ('c1000000-0000-4000-8000-000000000005', 'Bob Smallbudget', 'bob@example.com',     'ACTIVE',     5000);
