package io.sagashop.launcher.stack;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The deployables of Saga Shop: the five services, each with the database it owns, the
 * workflow worker and the gateway, with the ports they listen on by default (their
 * {@code application.yml}).
 */
public enum App {

    CUSTOMER("customer-service", 8081, "customer"), INVENTORY("inventory-service", 8082, "inventory"),
    ORDER("order-service", 8083, "orders"), PAYMENT("payment-service", 8084, "payment"),
    NOTIFICATION("notification-service", 8085, "notification"), WORKER("order-workflow-worker", 8086, null),
    GATEWAY("gateway", 8080, null);

    private final String artifactId;

    private final int defaultPort;

    private final String database;

    App(String artifactId, int defaultPort, String database) {
        this.artifactId = artifactId;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    public static List<App> services() {
        return Arrays.stream(values()).filter(App::isService).toList();
    }

    public String artifactId() {
        return artifactId;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public boolean isService() {
        return database != null;
    }

    /** The database, login and schema a service owns (all three share the name). */
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
