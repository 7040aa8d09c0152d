-- The demo accounts of the identity contract, all with the password `saga-shop-demo` (bcrypt, cost 10; each
-- hash has its own salt). The shoppers' subjects are the demo customers' ids in customer-service, so each
-- signs in as the customer whose story they tell (see the sign-in page).
INSERT INTO account (subject, email, password_hash, display_name, role) VALUES
    ('c1000000-0000-4000-8000-000000000001', 'ada@example.com',
     '{bcrypt}$2a$10$c3vpwVCq3cRzzqjomX9eY.oCT8mNnCPn1zxosBkAPEvKO9ETyE9ru', 'Ada Lovelace',    'SHOPPER'),
    ('c1000000-0000-4000-8000-000000000002', 'grace@example.com',
     '{bcrypt}$2a$10$HyVt.e0ZZhaLMTrE3Xg1b.o0s6tXXVinwpgJxqxAfNlr7kwMERnYy', 'Grace Hopper',    'SHOPPER'),
    ('c1000000-0000-4000-8000-000000000003', 'alan@example.com',
     '{bcrypt}$2a$10$hBNeHYFzg4D9ZYh2dxY9a.9snDczx0kIR/tI9Y40j3dnyHRRuinva', 'Alan Turing',     'SHOPPER'),
    ('c1000000-0000-4000-8000-000000000004', 'mallory@example.com',
     '{bcrypt}$2a$10$a2kbe1YLa6OUEmCexSAGdeDcMnaLZIidb/gcnL.rn8tGssCu0cErC', 'Mallory Blocked', 'SHOPPER'),
    ('c1000000-0000-4000-8000-000000000005', 'bob@example.com',
     '{bcrypt}$2a$10$2byE/ekSErYamMfQWMAotegbXlygxedYqy8sx8V/z0SH3YmAy6jHS', 'Bob Smallbudget', 'SHOPPER'),
    ('0e000000-0000-4000-8000-000000000001', 'operator@example.com',
     '{bcrypt}$2a$10$9s7nObu8VveEMiYDcYLILO1p.oFV0mRvSErrgeTFlO.HMZW6DmBsW', 'Olivia Operator', 'OPERATOR');
