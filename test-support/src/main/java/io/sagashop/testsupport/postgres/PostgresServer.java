package io.sagashop.testsupport.postgres;

/** A running PostgreSQL server that tests may create databases in, as its superuser. */
interface PostgresServer extends AutoCloseable {

    String host();

    int port();

    String superuser();

    String superuserPassword();

    @Override
    void close();

}
