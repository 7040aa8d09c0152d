package io.sagashop.support.idempotency;

import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a service makes a write idempotent on a key: the first write wins, and
 * every repeat of it, concurrent or later, is answered with what the first one wrote. The
 * key is a column with a unique constraint (an order id, an {@code Idempotency-Key}
 * header, an order and a notification kind); the database, not the code, decides who was
 * first.
 *
 * <p>
 * In one transaction, {@code earlier} looks for what the key already holds and answers a
 * replay from it; only when it finds nothing does {@code write} do the work and insert
 * the row that claims the key. Two first requests with one key can both find nothing and
 * both write. PostgreSQL then makes the second insert wait until the first transaction
 * ends and, when it commits, fail on the unique constraint. The loser's transaction rolls
 * back as a whole, so nothing it did survives half-written: the stock it took goes back,
 * the lines and events it produced are gone. A new transaction then asks {@code earlier}
 * again; under READ COMMITTED it sees the winner's committed row, and the loser answers
 * as a replay. When {@code earlier} still finds nothing, the violated constraint was
 * another one and its exception is rethrown.
 *
 * <p>
 * Why this way rather than the alternatives. {@code INSERT ... ON CONFLICT DO NOTHING}
 * only fits a single-row insert with no work before it; it cannot undo stock taken for a
 * reservation or write an order with its lines. Locking the key before reading it would
 * also work, but every first request would pay for a lock that matters only when two of
 * them race, and the lock's key space would be a second record of who holds which key
 * beside the constraint; the rollback here costs something only in that rare race. The
 * one write that cannot use it is a charge: it calls the card processor before its
 * insert, and no rollback can undo that call, so payment-service serializes charges of an
 * order on a lock instead.
 *
 * <p>
 * Call it outside any transaction: it runs its own, because the loser's transaction has
 * to be over before a new one can read the winner's row.
 */
public class IdempotentWrites {

    private static final Logger log = LoggerFactory.getLogger(IdempotentWrites.class);

    private final TransactionTemplate transaction;

    public IdempotentWrites(PlatformTransactionManager transactionManager) {
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * Answers the request from what its key already holds, or makes the first write for
     * the key.
     * @param earlier the result recorded under the key, read again for this request;
     * empty when the key holds nothing yet. It throws when the key holds something this
     * request may not replay (such as
     * {@link io.sagashop.problem.IdempotencyConflictException} for other content), and
     * may refuse the request for other reasons found in the database.
     * @param write does the work and inserts the row that claims the key, flushing it so
     * that a lost race fails here
     * @return the result and whether this call wrote it
     * @throws IllegalStateException when called inside a transaction
     */
    public <T> Written<T> firstWrite(Supplier<Optional<T>> earlier, Supplier<T> write) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A first write runs its own transactions; call it outside one");
        }
        try {
            return transaction
                .execute(status -> earlier.get().map(Written::replayed).orElseGet(() -> Written.first(write.get())));
        }
        catch (DataIntegrityViolationException ex) {
            Optional<T> winner = transaction.execute(status -> earlier.get());
            if (winner.isEmpty()) {
                throw ex;
            }
            log.debug("A concurrent request made the first write ({}); answering from it",
                    ex.getMostSpecificCause().getMessage());
            return Written.replayed(winner.get());
        }
    }

}
