package io.sagashop.launcher.postgres;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.sagashop.launcher.process.ProcessFailedException;
import io.sagashop.launcher.stack.App;
import io.sagashop.launcher.stack.AppDatabase;

/**
 * Creates a service's database and login on a server as its administrator, unless they
 * exist. The login and its password are the service's database name, as in each service's
 * {@code application.yml}: a local demo setting, on a server that listens on the loopback
 * interface only.
 */
final class PostgresAdmin {

    private final String adminJdbcUrl;

    private final String user;

    private final String password;

    PostgresAdmin(String adminJdbcUrl, String user, String password) {
        this.adminJdbcUrl = adminJdbcUrl;
        this.user = user;
        this.password = password;
    }

    AppDatabase ensureDatabase(App service) {
        String name = service.database();
        try (Connection connection = DriverManager.getConnection(adminJdbcUrl, user, password);
                Statement statement = connection.createStatement()) {
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)) {
                statement.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + name + "'");
            }
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                statement.execute("CREATE DATABASE " + name + " OWNER " + name);
            }
        }
        catch (SQLException ex) {
            throw new ProcessFailedException("Could not create the database and login " + name + " on " + adminJdbcUrl
                    + " as " + user + ": " + ex.getMessage(), ex);
        }
        return new AppDatabase(databaseUrl(name), name, name);
    }

    /** The administrator's URL with the service's database in place of its own. */
    private String databaseUrl(String database) {
        URI uri = URI.create(adminJdbcUrl.substring("jdbc:".length()));
        return "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/" + database
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

}
