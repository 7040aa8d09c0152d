package io.sagashop.systemtests.process;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The services of Saga Shop as the system tests start them: the jar the build copied for the tests and the
 * database schema each one owns.
 */
public enum ServiceModule {

    CUSTOMER("customer-service", "customer"),
    INVENTORY("inventory-service", "inventory"),
    ORDER("order-service", "orders"),
    PAYMENT("payment-service", "payment"),
    NOTIFICATION("notification-service", "notification");

    private final String artifactId;
    private final String schema;

    ServiceModule(String artifactId, String schema) {
        this.artifactId = artifactId;
        this.schema = schema;
    }

    public String artifactId() {
        return artifactId;
    }

    public String schema() {
        return schema;
    }

    public Path jar() {
        return Jars.of(artifactId);
    }

    /** The environment variable naming this service's base URL for the worker and the gateway. */
    public String urlVariable() {
        return artifactId.replace('-', '_').toUpperCase(Locale.ROOT) + "_URL";
    }
}
