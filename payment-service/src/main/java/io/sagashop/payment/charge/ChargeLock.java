package io.sagashop.payment.charge;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One charge per order at the processor. A charge calls the card processor before it
 * inserts the payment, and no rollback can take back a call the processor answered, so
 * the usual first write ({@link io.sagashop.support.idempotency.IdempotentWrites}), which
 * lets concurrent duplicates all do the work and rolls back the losers, would charge a
 * card twice. Instead every write of an order's payment (charge or refund) holds this
 * lock across threads and instances: only one request at a time talks to the processor
 * for an order, and the others see its committed result. A PostgreSQL transaction-level
 * advisory lock: it needs no row to exist yet (a first charge has none) and is released
 * by commit, rollback or a lost connection, so a crashed request can never leave an order
 * stuck.
 */
@Component
class ChargeLock {

    private final JdbcClient jdbc;

    ChargeLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Waits until no other transaction holds the order, then holds it until the current
     * transaction ends.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void lock(UUID orderId) {
        // The lock key is 64 bits; folding the UUID can make two orders share a key,
        // which only makes them wait
        // for each other, never mixes their data.
        long key = orderId.getMostSignificantBits() ^ orderId.getLeastSignificantBits();
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", key).query(row -> {
        });
    }

}
