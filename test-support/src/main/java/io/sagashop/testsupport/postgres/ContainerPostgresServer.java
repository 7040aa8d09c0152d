package io.sagashop.testsupport.postgres;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL in a container, for machines with a Docker engine. */
final class ContainerPostgresServer implements PostgresServer {

    private static final String IMAGE = "postgres:17-alpine";

    private final PostgreSQLContainer container;

    ContainerPostgresServer() {
        container = new PostgreSQLContainer(IMAGE);
        container.start();
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
    }

    @Override
    public String superuser() {
        return container.getUsername();
    }

    @Override
    public String superuserPassword() {
        return container.getPassword();
    }

    @Override
    public void close() {
        container.stop();
    }

}
