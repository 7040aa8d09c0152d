package io.sagashop.systemtests.process;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One application started from its executable jar as a JVM of its own, the way it runs in production, with its
 * output in a log file that a failing test can show.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path logFile;
    private Process process;

    private ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path logFile) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.logFile = logFile;
    }

    /** Starts {@code jar} listening on {@code port}, with {@code environment} added to this JVM's. */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> environment,
            Path logDirectory) {
        ServiceProcess service = new ServiceProcess(name, jar, port, environment, logDirectory.resolve(name + ".log"));
        service.start();
        return service;
    }

    /** Starts the same jar again after {@link #stop()} or {@link #kill()}, on the same port and database. */
    public void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        try {
            Files.createDirectories(logFile.getParent());
            process = builder.start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start " + name, ex);
        }
        log.info("Started {} (pid {}) on port {}, log {}", name, process.pid(), port, logFile);
    }

    /** Waits until the readiness probe answers UP; fails at once, with the log, if the process dies. */
    public void awaitReady(Duration timeout) {
        await(name + " ready on port " + port)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .failFast(name + " exited before becoming ready; its log ends with:\n" + logTail(60),
                        () -> !process.isAlive())
                .until(this::ready);
        log.info("{} is ready", name);
    }

    public boolean ready() {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(baseUri().resolve("/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String name() {
        return name;
    }

    /** Asks the JVM to shut down gracefully (SIGTERM), as an orchestrator would. */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                log.warn("{} did not stop within 30 s; killing it", name);
                kill();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /** Ends the JVM without warning (SIGKILL), as a crash or an evicted container would. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
        catch (IOException ex) {
            return "(no log: " + ex.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop();
    }
}
