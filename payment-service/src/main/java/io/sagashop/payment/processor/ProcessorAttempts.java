package io.sagashop.payment.processor;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts the flaky token's charge attempts per order in the database, so the count
 * survives restarts.
 */
@Repository
class ProcessorAttempts {

    private final JdbcClient jdbc;

    ProcessorAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records one more attempt and returns the order's count including it. A single
     * upsert, so concurrent attempts are each counted once without a prior read.
     */
    int recordAttempt(UUID orderId) {
        return jdbc.sql("""
                INSERT INTO processor_attempt (order_id, attempts) VALUES (:orderId, 1)
                ON CONFLICT (order_id) DO UPDATE SET attempts = processor_attempt.attempts + 1
                RETURNING attempts""").param("orderId", orderId).query(Integer.class).single();
    }

}
