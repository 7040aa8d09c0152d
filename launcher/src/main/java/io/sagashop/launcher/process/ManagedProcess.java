package io.sagashop.launcher.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child process of the stack with its output in a log file. It tells a listener when it
 * ends without having been asked to, and it can be stopped gracefully, with a deadline,
 * or killed together with its own children.
 */
public class ManagedProcess {

    private static final Logger log = LoggerFactory.getLogger(ManagedProcess.class);

    private static final String SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid")
        .filter(path -> Files.isExecutable(Path.of(path)))
        .findFirst()
        .orElse(null);

    private final String name;

    private final List<String> command;

    private final Map<String, String> environment;

    private final LogFile logFile;

    private volatile Consumer<ManagedProcess> unexpectedExitListener = process -> {
    };

    private volatile Process process;

    private volatile boolean stopRequested;

    public ManagedProcess(String name, List<String> command, Map<String, String> environment, LogFile logFile) {
        this.name = name;
        this.command = inSessionOfItsOwn(command);
        this.environment = Map.copyOf(environment);
        this.logFile = logFile;
    }

    /**
     * Ctrl-C in a terminal signals its whole process group: the children would then stop
     * on their own, in no order, while the launcher thinks they died. In a session of
     * their own (util-linux {@code setsid}, where there is one) only the launcher hears
     * it, and it stops them: the applications first, then Temporal.
     */
    private static List<String> inSessionOfItsOwn(List<String> command) {
        if (SETSID == null) {
            return List.copyOf(command);
        }
        List<String> detached = new ArrayList<>(List.of(SETSID));
        detached.addAll(command);
        return List.copyOf(detached);
    }

    /**
     * Starts the process, or starts it again after {@link #stop()} or {@link #kill()},
     * with the same settings.
     */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.path().toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        }
        catch (IOException ex) {
            throw new ProcessFailedException("Could not start " + name + " (" + command.getFirst() + ")", ex);
        }
        stopRequested = false;
        Process started = process;
        started.onExit().thenRun(() -> {
            if (!stopRequested && started == process) {
                unexpectedExitListener.accept(this);
            }
        });
        log.debug("Started {} (pid {}), log {}", name, started.pid(), logFile.path());
    }

    /**
     * Called when the process ends although nobody stopped it: a crash, an OOM kill, a
     * {@code kill -9}.
     */
    public void onUnexpectedExit(Consumer<ManagedProcess> listener) {
        this.unexpectedExitListener = listener;
    }

    public String name() {
        return name;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public LogFile logFile() {
        return logFile;
    }

    public boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** The processes this one started, and theirs, as they are now. */
    public List<ProcessHandle> descendants() {
        Process current = process;
        return current == null ? List.of() : current.descendants().toList();
    }

    /** The exit code of the last run, or -1 while it runs or before it started. */
    public int exitCode() {
        Process current = process;
        return current == null || current.isAlive() ? -1 : current.exitValue();
    }

    /**
     * Asks the process to shut down (SIGTERM), as an orchestrator would; returns at once.
     */
    public void requestStop() {
        stopRequested = true;
        Process current = process;
        if (current != null && current.isAlive()) {
            current.destroy();
        }
    }

    /** Whether the process ended within {@code timeout}. */
    public boolean awaitExit(Duration timeout) {
        Process current = process;
        if (current == null) {
            return true;
        }
        try {
            return current.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return !current.isAlive();
        }
    }

    /**
     * Stops gracefully, and kills the process if it has not ended within {@code grace}.
     */
    public void stop(Duration grace) {
        requestStop();
        if (!awaitExit(grace)) {
            log.warn("{} did not stop within {} s; killing it", name, grace.toSeconds());
            kill();
        }
    }

    public void stop() {
        stop(Duration.ofSeconds(30));
    }

    /**
     * Ends the process and whatever it started without warning (SIGKILL), as a crash or
     * an eviction would.
     */
    public void kill() {
        stopRequested = true;
        Process current = process;
        if (current == null) {
            return;
        }
        current.descendants().forEach(ProcessHandle::destroyForcibly);
        current.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    @Override
    public String toString() {
        return name;
    }

}
