package io.sagashop.launcher.postgres;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.sagashop.launcher.stack.App;
import io.sagashop.launcher.stack.AppDatabase;
import io.sagashop.launcher.stack.ServiceDatabases;

/**
 * A PostgreSQL server the user already runs ({@code SAGASHOP_POSTGRES_URL} and an
 * administrator's login): the services' databases and logins are created there when
 * missing, and nothing is stopped at the end.
 */
public final class ExistingPostgres implements ServiceDatabases {

    private final PostgresAdmin admin;

    public ExistingPostgres(String adminJdbcUrl, String adminUser, String adminPassword) {
        this.admin = new PostgresAdmin(adminJdbcUrl, adminUser, adminPassword);
    }

    @Override
    public Map<App, AppDatabase> open(List<App> services) {
        return services.stream().collect(Collectors.toMap(Function.identity(), admin::ensureDatabase));
    }

}
