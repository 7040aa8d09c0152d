-- A small coffee and outdoor shop for demos. HIKE-LANTERN-LED is nearly sold out and CAMP-STOVE-TITAN is
-- sold out, so a demo can run into "out of stock" without preparation.
INSERT INTO product (sku, name, description, price_cents, currency, stock) VALUES
    ('CAMP-MUG-ENAMEL', 'Enamel Camp Mug', 'Speckled blue enamel steel mug, 350 ml, survives the campfire.', 1490, 'EUR', 120),
    ('CAMP-STOVE-TITAN', 'Titanium Backpacking Stove', 'Folding 45 g canister stove that boils a litre in under four minutes.', 5900, 'EUR', 0),
    ('COF-BEANS-DECAF-500', 'Swiss Water Decaf, 500 g', 'Colombian beans decaffeinated without chemicals; cocoa and caramel.', 1650, 'EUR', 80),
    ('COF-BEANS-ETHIOPIA-1000', 'Ethiopia Yirgacheffe, 1 kg', 'Washed heirloom beans with jasmine, lemon and bergamot notes.', 3490, 'EUR', 40),
    ('COF-BEANS-HOUSE-1000', 'House Blend, 1 kg', 'Brazil and Guatemala blend for espresso and filter alike.', 2690, 'EUR', 150),
    ('COF-COLDBREW-KIT', 'Cold Brew Kit', '1.5 l glass jar with a fine steel filter and a bag of coarse-ground beans.', 3290, 'EUR', 35),
    ('COF-ESPRESSO-250', 'Espresso Roast, 250 g', 'Dark roast of Brazilian and Indian beans with chocolate and hazelnut.', 990, 'EUR', 200),
    ('COF-FILTER-PAPER-100', 'Paper Filters, 100 pcs', 'Unbleached size 02 cone filters.', 490, 'EUR', 500),
    ('COF-GRINDER-HAND', 'Hand Grinder', 'Steel conical burrs, 40 click settings, from espresso to French press.', 8900, 'EUR', 25),
    ('COF-KETTLE-GOOSENECK', 'Gooseneck Kettle', '1 l stainless kettle with a thermometer in the lid for precise pours.', 4490, 'EUR', 30),
    ('COF-MOKA-POT-6', 'Moka Pot, 6 Cups', 'Classic aluminium stovetop brewer.', 3590, 'EUR', 45),
    ('COF-POUROVER-V60', 'Ceramic Pour-Over Dripper', 'Size 02 dripper with spiral ribs for an even extraction.', 2490, 'EUR', 60),
    ('HIKE-BOTTLE-1L', 'Insulated Bottle, 1 l', 'Double-walled steel bottle: cold for 24 hours, hot for 12.', 2990, 'EUR', 90),
    ('HIKE-HEADLAMP-400', 'Headlamp 400 lm', 'Rechargeable headlamp with red light and a lock mode for the backpack.', 3990, 'EUR', 55),
    ('HIKE-LANTERN-LED', 'LED Camping Lantern', 'Collapsible 300 lm lantern that charges over USB-C.', 2790, 'EUR', 3),
    ('HIKE-MAP-ALPS', 'Alps Hiking Map Set', 'Four waterproof 1:25,000 maps of the Bernese Oberland.', 3200, 'EUR', 20),
    ('HIKE-POLES-CARBON', 'Carbon Trekking Poles', 'Pair of three-section carbon poles with cork grips, 230 g each.', 11900, 'EUR', 15),
    ('HIKE-SOCKS-MERINO', 'Merino Hiking Socks', 'Cushioned merino wool socks that stay fresh for days.', 1990, 'EUR', 140),
    ('OUT-HAMMOCK-UL', 'Ultralight Hammock', 'Parachute nylon hammock with tree straps, 400 g.', 4990, 'EUR', 18),
    ('OUT-TARP-3X3', 'Tarp 3 x 3 m', 'Silnylon tarp with twelve tie-outs for rain shelters.', 6900, 'EUR', 12);
