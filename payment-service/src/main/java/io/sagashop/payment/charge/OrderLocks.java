package io.sagashop.payment.charge;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serializes every write for one order across threads and instances, so only one request
 * at a time talks to the processor for an order and the others see its committed result.
 * A PostgreSQL transaction-level advisory lock: it needs no row to exist yet (a first
 * charge has none) and is released by commit, rollback or a lost connection, so a crashed
 * request can never leave an order stuck.
 */
@Component
class OrderLocks {

    private final JdbcClient jdbc;

    OrderLocks(JdbcClient jdbc) {
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
