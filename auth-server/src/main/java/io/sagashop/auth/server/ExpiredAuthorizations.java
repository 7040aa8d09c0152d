package io.sagashop.auth.server;

import java.sql.Timestamp;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the authorizations whose codes and tokens have all expired, which Spring
 * Authorization Server leaves in its table for ever. A row whose expiries are all unset
 * (none of ours) is kept.
 */
@Component
class ExpiredAuthorizations {

    private static final Logger log = LoggerFactory.getLogger(ExpiredAuthorizations.class);

    private final JdbcClient jdbc;

    private final AuthorizationCleanupProperties properties;

    ExpiredAuthorizations(JdbcClient jdbc, AuthorizationCleanupProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${sagashop.auth.authorization-cleanup.interval}",
            initialDelayString = "${sagashop.auth.authorization-cleanup.interval}")
    int delete() {
        Instant cutoff = Instant.now().minus(this.properties.keepExpiredFor());
        // GREATEST ignores NULLs: the last expiry among the ones the row has.
        int deleted = this.jdbc.sql("""
                DELETE FROM oauth2_authorization
                WHERE GREATEST(authorization_code_expires_at, access_token_expires_at, oidc_id_token_expires_at,
                               refresh_token_expires_at, user_code_expires_at, device_code_expires_at) < :cutoff
                """).param("cutoff", Timestamp.from(cutoff)).update();
        if (deleted > 0) {
            log.info("Deleted {} authorizations whose tokens expired before {}", deleted, cutoff);
        }
        return deleted;
    }

}
