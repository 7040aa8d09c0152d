package io.sagashop.launcher;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.sagashop.launcher.process.TemporalDevServer;
import io.sagashop.launcher.stack.App;

/**
 * The launcher's settings, all from environment variables with defaults for a laptop: the
 * usual ports, data and logs in {@code .saga-shop} of the working directory, embedded
 * PostgreSQL unless {@code SAGASHOP_POSTGRES_URL} names a server to use instead.
 */
record LauncherSettings(Path dataDirectory, Path appJars, Map<App, Integer> appPorts,
        TemporalDevServer.Ports temporalPorts, int postgresPort, String postgresUrl, String postgresUser,
        String postgresPassword) {

    static final String HOST = "127.0.0.1";

    static LauncherSettings from(Map<String, String> environment) {
        Path dataDirectory = Path.of(environment.getOrDefault("SAGASHOP_DATA_DIR", ".saga-shop")).toAbsolutePath();
        Path appJars = Path.of(environment.getOrDefault("SAGASHOP_APP_JARS", "launcher/target/apps")).toAbsolutePath();
        Map<App, Integer> appPorts = new EnumMap<>(App.class);
        for (App app : App.values()) {
            appPorts.put(app, port(environment, app.artifactId(), app.defaultPort()));
        }
        TemporalDevServer.Ports temporalPorts = new TemporalDevServer.Ports(port(environment, "temporal", 7233),
                port(environment, "temporal-ui", 8233), port(environment, "temporal-http", 7243),
                port(environment, "temporal-metrics", 7244));
        return new LauncherSettings(dataDirectory, appJars, appPorts, temporalPorts,
                port(environment, "postgres", 15432), blankToNull(environment.get("SAGASHOP_POSTGRES_URL")),
                environment.getOrDefault("SAGASHOP_POSTGRES_USER", "postgres"),
                environment.getOrDefault("SAGASHOP_POSTGRES_PASSWORD", ""));
    }

    boolean embeddedPostgres() {
        return postgresUrl == null;
    }

    /** What listens on a port, and the variable that moves it elsewhere. */
    record PortUse(String listener, String variable) {

        static PortUse of(String listener, String name) {
            return new PortUse(listener, portVariable(name));
        }
    }

    /** Every port this run will listen on, in the order they are checked. */
    Map<Integer, PortUse> ports() {
        Map<Integer, PortUse> ports = new LinkedHashMap<>();
        appPorts.forEach((app, port) -> ports.put(port, PortUse.of(app.artifactId(), app.artifactId())));
        ports.put(temporalPorts.grpc(), PortUse.of("Temporal", "temporal"));
        ports.put(temporalPorts.ui(), PortUse.of("Temporal UI", "temporal-ui"));
        ports.put(temporalPorts.http(), PortUse.of("Temporal HTTP API", "temporal-http"));
        ports.put(temporalPorts.metrics(), PortUse.of("Temporal metrics", "temporal-metrics"));
        if (embeddedPostgres()) {
            ports.put(postgresPort, PortUse.of("PostgreSQL", "postgres"));
        }
        return ports;
    }

    Path logDirectory() {
        return dataDirectory.resolve("logs");
    }

    /**
     * {@code SAGASHOP_<NAME>_PORT}, e.g. {@code SAGASHOP_GATEWAY_PORT} or
     * {@code SAGASHOP_TEMPORAL_UI_PORT}.
     */
    static String portVariable(String name) {
        return "SAGASHOP_" + name.replace('-', '_').toUpperCase(Locale.ROOT) + "_PORT";
    }

    private static int port(Map<String, String> environment, String name, int defaultPort) {
        String value = environment.get(portVariable(name));
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException(
                    portVariable(name) + " must be a port number (1-65535), not '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
