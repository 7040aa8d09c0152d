package io.sagashop.support;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

import io.sagashop.support.idempotency.IdempotentWrites;

/**
 * Gives every service with a database the one way to write idempotently. Runs after
 * Boot's transaction configuration, which comes after the data source's and JPA's, so the
 * transaction manager is known.
 */
@AutoConfiguration(afterName = "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration")
@ConditionalOnSingleCandidate(PlatformTransactionManager.class)
public class IdempotencyAutoConfiguration {

    @Bean
    IdempotentWrites idempotentWrites(PlatformTransactionManager transactionManager) {
        return new IdempotentWrites(transactionManager);
    }

}
