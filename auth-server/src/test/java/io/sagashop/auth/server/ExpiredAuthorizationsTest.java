package io.sagashop.auth.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.sagashop.auth.AuthServerTest;

@AuthServerTest
class ExpiredAuthorizationsTest {

    @Autowired
    ExpiredAuthorizations expired;

    @Autowired
    JdbcClient jdbc;

    @Test
    void deletesAuthorizationsOnlyOnceTheirLastTokenExpiredADayAgo() {
        Instant now = Instant.now();
        String longExpired = authorization(now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2)));
        String refreshStillValid = authorization(now.minus(Duration.ofDays(3)), now.plus(Duration.ofMinutes(30)));
        String recentlyExpired = authorization(now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));

        this.expired.delete();

        assertThat(this.jdbc.sql("SELECT id FROM oauth2_authorization WHERE id IN (:ids)")
            .param("ids", List.of(longExpired, refreshStillValid, recentlyExpired))
            .query(String.class)
            .list()).containsExactlyInAnyOrder(refreshStillValid, recentlyExpired);
    }

    private String authorization(Instant accessTokenExpiry, Instant refreshTokenExpiry) {
        String id = UUID.randomUUID().toString();
        this.jdbc.sql("""
                INSERT INTO oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type,
                    access_token_value, access_token_expires_at, refresh_token_value, refresh_token_expires_at)
                VALUES (:id, 'gateway', 'ada@example.com', 'authorization_code', :access, :accessExpiry, :refresh,
                    :refreshExpiry)
                """)
            .param("id", id)
            .param("access", "access-" + id)
            .param("accessExpiry", Timestamp.from(accessTokenExpiry))
            .param("refresh", "refresh-" + id)
            .param("refreshExpiry", Timestamp.from(refreshTokenExpiry))
            .update();
        return id;
    }

}
