package io.sagashop.systemtests.process;

import java.nio.file.Files;
import java.nio.file.Path;

/** The executable jars the build copied for the system tests (see the module's pom). */
public final class Jars {

    private Jars() {
    }

    public static Path of(String artifactId) {
        String directory = System.getProperty("sagashop.service-jars");
        if (directory == null) {
            throw new IllegalStateException("System property sagashop.service-jars is not set: run the system tests "
                    + "through Maven (./mvnw verify), which builds and copies the jars");
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
