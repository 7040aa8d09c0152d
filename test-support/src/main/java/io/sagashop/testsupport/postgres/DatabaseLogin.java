package io.sagashop.testsupport.postgres;

/**
 * Where a test database lives and the login that owns it, as a service would be
 * configured.
 */
public record DatabaseLogin(String jdbcUrl, String username, String password, String host, int port, String database) {
}
