package io.sagashop.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sagashop.launcher.postgres.ExistingPostgres;
import io.sagashop.launcher.postgres.LocalPostgres;
import io.sagashop.launcher.process.FreePorts;
import io.sagashop.launcher.process.LogFile;
import io.sagashop.launcher.process.ManagedProcess;
import io.sagashop.launcher.process.ProcessFailedException;
import io.sagashop.launcher.stack.App;
import io.sagashop.launcher.stack.AppJvms;
import io.sagashop.launcher.stack.ServiceDatabases;
import io.sagashop.launcher.stack.ShopStack;
import io.sagashop.launcher.stack.StackSecrets;
import io.sagashop.launcher.stack.StackSettings;

/**
 * Runs the whole shop on this machine until Ctrl-C: PostgreSQL, Temporal's dev server
 * with its Web UI, the five services, the worker and the gateway, each its own process
 * bound to 127.0.0.1. {@code ./saga-shop} builds what is missing and starts this; every
 * setting is an environment variable (see {@link LauncherSettings}).
 */
public final class SagaShopLauncher {

    /** Ctrl-C stops everything within this, a hanging process included. */
    private static final Duration STOP_BUDGET = Duration.ofSeconds(12);

    private static final Logger log;

    private static volatile boolean stopping;

    static {
        // Before the first logger: the launcher's console format, not logback's debug
        // default.
        System.setProperty("logback.configurationFile", "launcher-logback.xml");
        log = LoggerFactory.getLogger(SagaShopLauncher.class);
    }

    private SagaShopLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        LauncherSettings settings;
        try {
            settings = LauncherSettings.from(System.getenv());
        }
        catch (IllegalArgumentException ex) {
            fail(ex.getMessage());
            return;
        }
        FileLock lock = lockDataDirectory(settings.dataDirectory());
        checkPortsAreFree(settings.ports());

        long started = System.nanoTime();
        log.info("Starting Saga Shop: PostgreSQL, Temporal and {} applications (logs in {})", App.values().length,
                settings.logDirectory());
        ServiceDatabases databases = settings.embeddedPostgres()
                ? new LocalPostgres(settings.dataDirectory().resolve("postgres"), settings.postgresPort(),
                        new LogFile(settings.logDirectory().resolve("postgres.log")))
                : new ExistingPostgres(settings.postgresUrl(), settings.postgresUser(), settings.postgresPassword());
        StackSettings stackSettings = new StackSettings(LauncherSettings.HOST, settings.appPorts(),
                settings.temporalPorts(), settings.dataDirectory().resolve("temporal").resolve("temporal.db"),
                settings.logDirectory(),
                AppJvms.extractedWithAotCache(settings.appJars(), settings.dataDirectory().resolve("apps"),
                        AppJvms.DEFAULT_OPTIONS),
                databases, StackSecrets.keptIn(settings.dataDirectory().resolve("secrets.properties")), Map.of(),
                Duration.ofMinutes(3));

        ShopStack stack = ShopStack.create(stackSettings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(stack, lock), "saga-shop-stop"));
        try {
            stack.start();
        }
        catch (ProcessFailedException ex) {
            fail(ex.getMessage());
        }
        stack.onUnexpectedExit(SagaShopLauncher::reportUnexpectedExit);
        log.info(new ReadyBanner(settings, stack.temporal(), Duration.ofNanos(System.nanoTime() - started),
                stack.startTimes())
            .text());
        new CountDownLatch(1).await();
    }

    private static void reportUnexpectedExit(ManagedProcess process) {
        if (stopping) {
            return;
        }
        log.warn("""

                !! {} stopped unexpectedly (exit code {}). Its log: {}
                   The rest keeps running; orders that need it wait and retry until it is back.
                   To bring it back, stop Saga Shop (Ctrl-C) and start it again.
                """, process.name(), process.exitCode(), process.logFile().path());
    }

    private static void stop(ShopStack stack, FileLock lock) {
        stopping = true;
        log.info("Stopping Saga Shop...");
        long started = System.nanoTime();
        try {
            stack.stop(STOP_BUDGET);
        }
        finally {
            // Anything still running that this JVM started (a training run, say) goes
            // too: no orphans.
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            try {
                lock.release();
            }
            catch (IOException ignored) {
                // The lock goes with the process anyway.
            }
        }
        log.info("Stopped in {} ms.", Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /**
     * One launcher per data directory: a second one would share PostgreSQL's and
     * Temporal's files.
     */
    private static FileLock lockDataDirectory(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            Path lockFile = dataDirectory.resolve("launcher.lock");
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String pid = Files.readString(lockFile, StandardCharsets.UTF_8).trim();
                fail("Saga Shop is already running from " + dataDirectory + (pid.isEmpty() ? "" : " (pid " + pid + ")")
                        + ". Stop it first (Ctrl-C in its terminal), or give this one another SAGASHOP_DATA_DIR.");
            }
            channel.truncate(0);
            channel.write(StandardCharsets.UTF_8.encode(Long.toString(ProcessHandle.current().pid())));
            return lock;
        }
        catch (IOException ex) {
            fail("Cannot use the data directory " + dataDirectory + ": " + ex.getMessage());
            return null;
        }
    }

    private static void checkPortsAreFree(Map<Integer, LauncherSettings.PortUse> ports) {
        List<String> taken = ports.entrySet()
            .stream()
            .filter(port -> !FreePorts.isFree(port.getKey()))
            .map(port -> "port " + port.getKey() + " (" + port.getValue().listener() + ", " + port.getValue().variable()
                    + ")")
            .toList();
        if (!taken.isEmpty()) {
            fail("Cannot start Saga Shop: " + String.join(", ", taken) + (taken.size() == 1 ? " is" : " are")
                    + " already in use, by another copy of Saga Shop or another program. Stop it, or choose "
                    + "another port with the variable named.");
        }
    }

    private static void fail(String message) {
        log.error("\n{}", message);
        System.exit(1);
    }

}
