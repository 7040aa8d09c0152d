package io.sagashop.launcher.stack;

/**
 * A service's own database and the login that owns it, as the service is configured to
 * reach it.
 */
public record AppDatabase(String jdbcUrl, String username, String password) {
}
