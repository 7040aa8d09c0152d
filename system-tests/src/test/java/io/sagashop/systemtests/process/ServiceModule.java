package io.sagashop.systemtests.process;

import java.nio.file.Files;
import java.nio.file.Path;

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
        String directory = System.getProperty("sagashop.service-jars");
        if (directory == null) {
            throw new IllegalStateException("System property sagashop.service-jars is not set: run the system tests "
                    + "through Maven (./mvnw verify), which builds and copies the service jars");
        }
        Path jar = Path.of(directory, artifactId + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No jar for " + artifactId + " at " + jar);
        }
        return jar;
    }

    public static Path logDirectory() {
        return Path.of(System.getProperty("sagashop.process-logs", "target/process-logs"));
    }
}
