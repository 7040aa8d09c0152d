package io.sagashop.launcher.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.sagashop.launcher.process.TemporalDevServer;

/**
 * Everything that differs between one run of the stack and another: the address and
 * ports, where the data and the logs go, how the JVMs start, where the databases come
 * from, the secrets the applications share, and settings added to an application's
 * environment (a longer payment retry budget for an outage test, say).
 */
public record StackSettings(String host, Map<App, Integer> ports, TemporalDevServer.Ports temporalPorts,
        Path temporalDatabase, Path logDirectory, AppJvms jvms, ServiceDatabases databases, StackSecrets secrets,
        Map<App, Map<String, String>> environmentOverrides, Duration startTimeout) {

    public StackSettings {
        ports = Map.copyOf(ports);
        environmentOverrides = Map.copyOf(environmentOverrides);
        for (App app : App.values()) {
            if (!ports.containsKey(app)) {
                throw new IllegalArgumentException("No port for " + app.artifactId());
            }
        }
    }

    public int port(App app) {
        return ports.get(app);
    }
}
