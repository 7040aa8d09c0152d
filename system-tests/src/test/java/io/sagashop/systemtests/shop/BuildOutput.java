package io.sagashop.systemtests.shop;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the build put what the system tests run (see the module's pom), and where their
 * logs go.
 */
public final class BuildOutput {

    private BuildOutput() {
    }

    /** The executable jars copied for the tests, {@code <artifactId>.jar} each. */
    public static Path jars() {
        String directory = System.getProperty("sagashop.service-jars");
        if (directory == null) {
            throw new IllegalStateException("System property sagashop.service-jars is not set: run the system tests "
                    + "through Maven (./mvnw verify), which builds and copies the jars");
        }
        return Path.of(directory);
    }

    public static Path jar(String artifactId) {
        Path jar = jars().resolve(artifactId + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No jar for " + artifactId + " at " + jar);
        }
        return jar;
    }

    public static Path logDirectory() {
        return Path.of(System.getProperty("sagashop.process-logs", "target/process-logs"));
    }

}
