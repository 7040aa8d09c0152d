package io.sagashop.launcher.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sagashop.launcher.process.LogFile;
import io.sagashop.launcher.process.ManagedProcess;
import io.sagashop.launcher.process.ProcessFailedException;

/**
 * How each application's JVM is started: {@code java -jar} on the built jar, or (for fast
 * starts on a laptop) from a copy extracted out of the jar with a JDK AOT cache, which
 * halves a service's start time. The cache belongs to the exact jar, JDK and JVM options;
 * it is made by one training run that refreshes the application context against the real
 * databases and exits, and made again whenever one of those changes.
 */
public final class AppJvms {

    private static final Logger log = LoggerFactory.getLogger(AppJvms.class);

    /**
     * The JVM options of every application: a heap that fits seven JVMs and their
     * off-heap memory in about 3 GiB, the serial collector (smallest footprint for such
     * heaps), C1 only (faster starts, less CPU on small machines), and the native and
     * Unsafe access that Netty asks for on newer JDKs, granted quietly.
     */
    public static final List<String> DEFAULT_OPTIONS = defaultOptions();

    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(5);

    private final Path jarsDirectory;

    private final Path workDirectory;

    private final List<String> jvmOptions;

    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private AppJvms(Path jarsDirectory, Path workDirectory, List<String> jvmOptions) {
        this.jarsDirectory = jarsDirectory;
        this.workDirectory = workDirectory;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * Runs each jar as it was built; {@code jarsDirectory} holds
     * {@code <artifactId>.jar}.
     */
    public static AppJvms fromJars(Path jarsDirectory, List<String> jvmOptions) {
        return new AppJvms(jarsDirectory, null, jvmOptions);
    }

    /**
     * Runs each application from a copy extracted into {@code workDirectory}, with an AOT
     * cache where the JDK has them (25 and newer). The copy also means that rebuilding
     * the jars never breaks a running process.
     */
    public static AppJvms extractedWithAotCache(Path jarsDirectory, Path workDirectory, List<String> jvmOptions) {
        return new AppJvms(jarsDirectory, workDirectory, jvmOptions);
    }

    private static List<String> defaultOptions() {
        List<String> options = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 23) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return List.copyOf(options);
    }

    private static boolean jdkHasAotCache() {
        return Runtime.version().feature() >= 25;
    }

    /**
     * Extracts the application if its jar changed since the last extraction; needs
     * nothing running.
     */
    public void prepare(App app) {
        if (workDirectory == null) {
            return;
        }
        Path jar = sourceJar(app);
        String identity = identity(jar);
        Path directory = workDirectory.resolve(app.artifactId());
        if (identity.equals(read(directory.resolve("extracted-from")))) {
            return;
        }
        Directories.deleteRecursively(directory);
        runTool(app, List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                directory.resolve("app").toString()));
        write(directory.resolve("extracted-from"), identity);
    }

    /** Whether {@link #train} must run before the application starts fast. */
    public boolean needsTraining(App app) {
        return workDirectory != null && jdkHasAotCache()
                && !(trainingIdentity(app).equals(read(stampOf(app))) && Files.isRegularFile(cacheOf(app)));
    }

    /**
     * Starts the application with {@code environment} so that its context refreshes
     * (beans, Flyway, the connection pool) and exits, leaving the AOT cache of what it
     * loaded. A failed training is no failure of the stack: the application then starts
     * without a cache.
     */
    public void train(App app, Map<String, String> environment, LogFile logFile) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.add("-XX:AOTCacheOutput=" + cacheOf(app));
        command.add("-Dspring.context.exit=onRefresh");
        command.addAll(List.of("-jar", extractedJar(app).toString()));
        ManagedProcess training = new ManagedProcess(app.artifactId() + " (AOT training)", command, environment,
                logFile);
        training.start();
        if (!training.awaitExit(TRAINING_TIMEOUT)) {
            training.kill();
        }
        if (training.exitCode() == 0 && Files.isRegularFile(cacheOf(app))) {
            write(stampOf(app), trainingIdentity(app));
        }
        else {
            log.warn("Could not make the AOT cache of {} (exit code {}); it starts without one. See {}",
                    app.artifactId(), training.exitCode(), logFile.path());
        }
    }

    public List<String> command(App app) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        if (workDirectory == null) {
            command.addAll(List.of("-jar", sourceJar(app).toString()));
            return command;
        }
        if (jdkHasAotCache() && !needsTraining(app)) {
            command.add("-XX:AOTCache=" + cacheOf(app));
        }
        command.addAll(List.of("-jar", extractedJar(app).toString()));
        return command;
    }

    private Path sourceJar(App app) {
        Path jar = jarsDirectory.resolve(app.artifactId() + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new ProcessFailedException("No jar for " + app.artifactId() + " at " + jar + ": build it first "
                    + "(./mvnw package -DskipTests)");
        }
        return jar;
    }

    private Path extractedJar(App app) {
        return workDirectory.resolve(app.artifactId()).resolve("app").resolve(app.artifactId() + ".jar");
    }

    private Path cacheOf(App app) {
        return workDirectory.resolve(app.artifactId()).resolve(app.artifactId() + ".aot");
    }

    private Path stampOf(App app) {
        return workDirectory.resolve(app.artifactId()).resolve("aot-trained-for");
    }

    private String trainingIdentity(App app) {
        return read(workDirectory.resolve(app.artifactId()).resolve("extracted-from")) + "\n"
                + System.getProperty("java.vm.version") + " " + System.getProperty("java.home") + "\n"
                + String.join(" ", jvmOptions);
    }

    private static String identity(Path jar) {
        try {
            return jar.toAbsolutePath() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void runTool(App app, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new ProcessFailedException("Could not extract " + app.artifactId() + ":\n" + output);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new ProcessFailedException("Interrupted while extracting " + app.artifactId());
        }
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        }
        catch (IOException ex) {
            return "";
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
