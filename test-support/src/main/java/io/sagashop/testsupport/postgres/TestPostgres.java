package io.sagashop.testsupport.postgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * One real PostgreSQL server per test JVM, started on first use and stopped when the JVM
 * exits. The same test code runs against a container where a Docker engine answers and
 * against embedded binaries where none does;
 * {@code -Dsagashop.test.postgres=docker|embedded} (or the environment variable
 * {@code SAGASHOP_TEST_POSTGRES}) forces one.
 */
public final class TestPostgres {

    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);

    private static final Object LOCK = new Object();

    private static volatile TestPostgres shared;

    private final PostgresServer server;

    private final AtomicInteger databases = new AtomicInteger();

    private TestPostgres(PostgresServer server) {
        this.server = server;
    }

    public static TestPostgres shared() {
        TestPostgres instance = shared;
        if (instance == null) {
            synchronized (LOCK) {
                instance = shared;
                if (instance == null) {
                    instance = new TestPostgres(startServer());
                    Runtime.getRuntime().addShutdownHook(new Thread(instance.server::close, "test-postgres-stop"));
                    shared = instance;
                }
            }
        }
        return instance;
    }

    /**
     * Creates an empty database owned by a new login of the same name, as each service
     * has in production.
     */
    public DatabaseLogin createDatabase(String namePrefix) {
        String name = namePrefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_"
                + databases.incrementAndGet();
        return createDatabase(name, name + "_secret");
    }

    /**
     * Creates the database and login {@code name} with {@code password} exactly, as a
     * deployment's own setup script would (the compose file's, say); the name must be a
     * plain SQL identifier and not exist yet.
     */
    public DatabaseLogin createDatabase(String name, String password) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), server.superuser(),
                server.superuserPassword()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
            statement.execute("CREATE DATABASE " + name + " OWNER " + name);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create test database " + name, ex);
        }
        return new DatabaseLogin(jdbcUrl(name), name, password, server.host(), server.port(), name);
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + database;
    }

    /**
     * Whether asking Testcontainers is worth it: without a Docker host setting or socket
     * it would only log an alarming error before answering no.
     */
    private static boolean dockerMayBeThere() {
        Path home = Path.of(System.getProperty("user.home"));
        return System.getenv("DOCKER_HOST") != null || Files.exists(home.resolve(".testcontainers.properties"))
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(home.resolve(".docker/run/docker.sock"));
    }

    private static PostgresServer startServer() {
        String choice = System.getProperty("sagashop.test.postgres",
                System.getenv().getOrDefault("SAGASHOP_TEST_POSTGRES", "auto"));
        boolean docker = switch (choice) {
            case "docker" -> true;
            case "embedded" -> false;
            default -> dockerMayBeThere() && DockerClientFactory.instance().isDockerAvailable();
        };
        log.info("Starting PostgreSQL for tests: {}", docker ? "Testcontainers" : "embedded binaries");
        return docker ? new ContainerPostgresServer() : new EmbeddedPostgresServer();
    }

}
