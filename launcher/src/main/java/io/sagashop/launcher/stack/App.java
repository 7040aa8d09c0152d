package io.sagashop.launcher.stack;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The deployables of Saga Shop: the five services the saga calls, each with the database
 * it owns, the sign-in server with its own, the workflow worker and the gateway, with the
 * ports they listen on by default (their {@code application.yml}).
 */
public enum App {

    CUSTOMER("customer-service", 8081, "customer", true), INVENTORY("inventory-service", 8082, "inventory", true),
    ORDER("order-service", 8083, "orders", true), PAYMENT("payment-service", 8084, "payment", true),
    NOTIFICATION("notification-service", 8085, "notification", true), AUTH("auth-server", 9000, "auth", false),
    WORKER("order-workflow-worker", 8086, null, false), GATEWAY("gateway", 8080, null, false);

    private final String artifactId;

    private final int defaultPort;

    private final String database;

    private final boolean service;

    App(String artifactId, int defaultPort, String database, boolean service) {
        this.artifactId = artifactId;
        this.defaultPort = defaultPort;
        this.database = database;
        this.service = service;
    }

    /** The five services the worker calls, each a resource server. */
    public static List<App> services() {
        return Arrays.stream(values()).filter(App::isService).toList();
    }

    /** The applications that own a database: the services and the sign-in server. */
    public static List<App> withDatabases() {
        return Arrays.stream(values()).filter(App::ownsDatabase).toList();
    }

    public String artifactId() {
        return artifactId;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public boolean isService() {
        return service;
    }

    public boolean ownsDatabase() {
        return database != null;
    }

    /** The database, login and schema an application owns (all three share the name). */
    public String database() {
        if (database == null) {
            throw new IllegalStateException(artifactId + " owns no database");
        }
        return database;
    }

    /**
     * The environment variable naming this service's base URL for the worker and the
     * gateway.
     */
    public String urlVariable() {
        return artifactId.replace('-', '_').toUpperCase(Locale.ROOT) + "_URL";
    }

}
