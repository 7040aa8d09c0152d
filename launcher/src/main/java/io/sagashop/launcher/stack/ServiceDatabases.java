package io.sagashop.launcher.stack;

import java.util.List;
import java.util.Map;

/**
 * Where the services' databases come from: a local server kept between runs, or fresh
 * ones for each test run.
 */
public interface ServiceDatabases extends AutoCloseable {

    /**
     * Starts or reaches the PostgreSQL server and gives each service its database and
     * login.
     */
    Map<App, AppDatabase> open(List<App> services);

    /** Stops what {@link #open} started, if anything. */
    @Override
    default void close() {
    }

}
