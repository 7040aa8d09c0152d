package io.sagashop.launcher.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sagashop.launcher.process.LogFile;
import io.sagashop.launcher.process.ProcessFailedException;
import io.sagashop.launcher.stack.App;
import io.sagashop.launcher.stack.AppDatabase;
import io.sagashop.launcher.stack.ServiceDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL for running the shop locally: embedded binaries (a Maven dependency, nothing
 * to install) with their data in a folder that outlives the run, so a second start finds
 * the first one's orders. Each service gets a database and a login named after it,
 * created when missing.
 */
public final class LocalPostgres implements ServiceDatabases {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);

    private final Path dataDirectory;

    private final int port;

    private final LogFile logFile;

    private EmbeddedPostgres postgres;

    public LocalPostgres(Path dataDirectory, int port, LogFile logFile) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.logFile = logFile;
    }

    @Override
    public Map<App, AppDatabase> open(List<App> services) {
        try {
            postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                // This is data to keep, unlike a test database: commit durably, listen on
                // loopback only.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setRegisterShutdownHook(false)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.path().toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.path().toFile()))
                .start();
        }
        catch (IOException | RuntimeException ex) {
            throw new ProcessFailedException(
                    "Could not start PostgreSQL on port " + port + " with its data in " + dataDirectory + ": "
                            + ex.getMessage() + "\nIts log (" + logFile.path() + ") ends with:\n" + logFile.tail(20),
                    ex);
        }
        log.debug("PostgreSQL on port {}, data in {}", port, dataDirectory);
        PostgresAdmin admin = new PostgresAdmin("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres",
                "postgres");
        return services.stream().collect(Collectors.toMap(Function.identity(), admin::ensureDatabase));
    }

    @Override
    public void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        finally {
            postgres = null;
        }
    }

}
