package io.sagashop.auth.server;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * When stored authorizations are deleted: every sign-in and every worker token adds a
 * row, which is useless once all its tokens have expired.
 *
 * @param interval how often to look for expired authorizations
 * @param keepExpiredFor how long past the expiry of its last token a row is kept (for a
 * logout that names an old ID token, and for clocks that differ a little)
 */
@Validated
@ConfigurationProperties("sagashop.auth.authorization-cleanup")
record AuthorizationCleanupProperties(@NotNull Duration interval, @NotNull Duration keepExpiredFor) {

}
