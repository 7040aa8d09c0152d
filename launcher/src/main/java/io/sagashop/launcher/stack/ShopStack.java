package io.sagashop.launcher.stack;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sagashop.launcher.process.AppProcess;
import io.sagashop.launcher.process.LogFile;
import io.sagashop.launcher.process.ManagedProcess;
import io.sagashop.launcher.process.ProcessFailedException;
import io.sagashop.launcher.process.TemporalDevServer;

/**
 * The whole of Saga Shop as separate processes on one machine: a PostgreSQL database and
 * login per service and for the sign-in server, a real Temporal server, the five
 * services, the sign-in server, the worker and the gateway, each configured only by
 * environment variables. This is the one place that knows the topology: which application
 * talks to which, under which variable. The launcher and the system tests both start the
 * shop through it.
 */
public final class ShopStack implements AutoCloseable {

    /**
     * The custom search attributes the order workflow keeps current, so the Temporal UI
     * can filter by them.
     */
    public static final List<String> SEARCH_ATTRIBUTES = List.of("CustomerId=Keyword", "OrderStatus=Keyword",
            "OrderTotalCents=Int");

    private static final Logger log = LoggerFactory.getLogger(ShopStack.class);

    private static final Duration INFRASTRUCTURE_STOP = Duration.ofSeconds(4);

    private final StackSettings settings;

    private final Map<App, AppProcess> apps = new EnumMap<>(App.class);

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private Map<App, AppDatabase> databases = Map.of();

    private TemporalDevServer temporal;

    private StartTimes startTimes;

    private volatile boolean stopping;

    /** How long each phase of the start took. */
    public record StartTimes(Duration infrastructure, Duration aotTraining, Duration applications, Duration total) {
    }

    private ShopStack(StackSettings settings) {
        this.settings = settings;
    }

    /**
     * A stack not started yet, so that a shutdown hook can hold it before
     * {@link #start()}.
     */
    public static ShopStack create(StackSettings settings) {
        return new ShopStack(settings);
    }

    /**
     * Starts everything and returns once every readiness probe answers UP; stops all it
     * started if one fails.
     */
    public void start() {
        try {
            startAll();
        }
        catch (RuntimeException ex) {
            stop(Duration.ofSeconds(10));
            throw ex;
        }
    }

    private void startAll() {
        long started = System.nanoTime();
        CompletableFuture<Void> extracted = all(App.values(), app -> settings.jvms().prepare(app));
        CompletableFuture<TemporalDevServer> temporalStarted = async(
                () -> TemporalDevServer.start(settings.host(), settings.temporalPorts(), settings.temporalDatabase(),
                        SEARCH_ATTRIBUTES, logFile("temporal-server"), settings.startTimeout()));
        CompletableFuture<Map<App, AppDatabase>> databasesOpened = async(
                () -> settings.databases().open(App.withDatabases()));
        // Whatever of the three fails first is reported; the others are still collected
        // so they can be stopped.
        join(CompletableFuture.allOf(extracted, temporalStarted.thenAccept(server -> temporal = server),
                databasesOpened.thenAccept(opened -> databases = Map.copyOf(opened))));
        Duration infrastructure = since(started);
        log.debug("PostgreSQL and Temporal ready in {} ms", infrastructure.toMillis());

        long training = System.nanoTime();
        List<App> untrained = List.of(App.values()).stream().filter(settings.jvms()::needsTraining).toList();
        if (!untrained.isEmpty()) {
            log.info("Preparing the fast start of {} applications (a JDK AOT cache each; once per build)",
                    untrained.size());
            // As many at a time as there are cores: more would only share them, with a
            // JVM's memory each.
            Semaphore cores = new Semaphore(Runtime.getRuntime().availableProcessors());
            join(all(untrained.toArray(App[]::new), app -> {
                cores.acquireUninterruptibly();
                try {
                    settings.jvms().train(app, environment(app), logFile(app.artifactId() + "-aot-training"));
                }
                finally {
                    cores.release();
                }
            }));
        }
        Duration aotTraining = since(training);

        long applications = System.nanoTime();
        for (App app : App.values()) {
            if (stopping) {
                throw new ProcessFailedException("Stopped while starting");
            }
            AppProcess process = new AppProcess(app.artifactId(), settings.jvms().command(app), environment(app),
                    baseUri(app), logFile(app.artifactId()));
            apps.put(app, process);
            process.start();
        }
        join(all(App.values(), app -> apps.get(app).awaitReady(settings.startTimeout())));
        startTimes = new StartTimes(infrastructure, aotTraining, since(applications), since(started));
    }

    /** The environment each application runs with: the topology, written down once. */
    Map<String, String> environment(App app) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_ADDRESS", settings.host());
        environment.put("SERVER_PORT", Integer.toString(settings.port(app)));
        if (app.ownsDatabase()) {
            AppDatabase database = databases.get(app);
            environment.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
            environment.put("SPRING_DATASOURCE_USERNAME", database.username());
            environment.put("SPRING_DATASOURCE_PASSWORD", database.password());
        }
        // The issuer is the sign-in server's address as the browser sees it; its keys
        // and tokens are fetched at the address it listens on.
        environment.put("SAGASHOP_ISSUER_URI", publicUri(App.AUTH).toString());
        if (app != App.AUTH) {
            environment.put("SAGASHOP_JWK_SET_URI", baseUri(App.AUTH) + "/oauth2/jwks");
        }
        StackSecrets secrets = settings.secrets();
        switch (app) {
            case AUTH -> {
                environment.put("SAGASHOP_GATEWAY_URL", publicUri(App.GATEWAY).toString());
                environment.put("SAGASHOP_GATEWAY_CLIENT_SECRET", secrets.gatewayClientSecret());
                environment.put("SAGASHOP_WORKER_CLIENT_SECRET", secrets.workerClientSecret());
                // Local mode only: a key of the moment, announced in the log; tokens
                // and sessions end with the process.
                environment.put("SAGASHOP_AUTH_GENERATE_KEY", "true");
            }
            case WORKER -> {
                environment.put("TEMPORAL_ADDRESS", temporal.target());
                environment.put("SAGASHOP_TOKEN_URI", baseUri(App.AUTH) + "/oauth2/token");
                environment.put("SAGASHOP_WORKER_CLIENT_SECRET", secrets.workerClientSecret());
                App.services().forEach(service -> environment.put(service.urlVariable(), baseUri(service).toString()));
            }
            case GATEWAY -> {
                environment.put("TEMPORAL_ADDRESS", temporal.target());
                environment.put("TEMPORAL_UI_URL", temporal.uiUrl());
                environment.put("SAGASHOP_TOKEN_URI", baseUri(App.AUTH) + "/oauth2/token");
                environment.put("SAGASHOP_GATEWAY_CLIENT_SECRET", secrets.gatewayClientSecret());
                environment.put("SAGASHOP_ORDER_ID_SECRET", secrets.orderIdSecret());
                for (App service : List.of(App.INVENTORY, App.ORDER, App.PAYMENT, App.NOTIFICATION)) {
                    environment.put(service.urlVariable(), baseUri(service).toString());
                }
            }
            default -> {
            }
        }
        environment.putAll(settings.environmentOverrides().getOrDefault(app, Map.of()));
        return environment;
    }

    public AppProcess app(App app) {
        return apps.get(app);
    }

    /**
     * The gateway as a browser reaches it: the address its sign-in redirects come back
     * to.
     */
    public URI gateway() {
        return publicUri(App.GATEWAY);
    }

    /** An application at the address it listens on. */
    public URI baseUri(App app) {
        return URI.create("http://" + settings.host() + ":" + settings.port(app));
    }

    /**
     * An application as a browser names it. Sign-in redirects and cookies are bound to a
     * host name, so the gateway and the sign-in server are always named this way.
     */
    public URI publicUri(App app) {
        return URI.create("http://localhost:" + settings.port(app));
    }

    public TemporalDevServer temporal() {
        return temporal;
    }

    public AppDatabase database(App service) {
        return databases.get(service);
    }

    public StartTimes startTimes() {
        return startTimes;
    }

    /** Every process of the stack, the Temporal server first. */
    public List<ManagedProcess> processes() {
        List<ManagedProcess> processes = new ArrayList<>();
        if (temporal != null) {
            processes.add(temporal);
        }
        processes.addAll(apps.values());
        return processes;
    }

    /** Told when any process of the stack ends without having been stopped. */
    public void onUnexpectedExit(Consumer<ManagedProcess> listener) {
        processes().forEach(process -> process.onUnexpectedExit(listener));
    }

    /**
     * Stops the applications gracefully, then Temporal and PostgreSQL, within
     * {@code budget}: whatever still runs when its share of the budget is over is killed,
     * so a hanging process never keeps the rest alive.
     */
    public synchronized void stop(Duration budget) {
        stopping = true;
        long deadline = System.nanoTime() + budget.minus(INFRASTRUCTURE_STOP).toNanos();
        apps.values().forEach(ManagedProcess::requestStop);
        for (AppProcess process : apps.values()) {
            if (!process.awaitExit(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                log.warn("{} did not stop in time; killing it", process.name());
                process.kill();
            }
        }
        CompletableFuture<Void> temporalStopped = async(() -> {
            if (temporal != null) {
                temporal.stop(INFRASTRUCTURE_STOP.minusSeconds(1));
            }
            return null;
        });
        settings.databases().close();
        temporalStopped.join();
        executor.shutdownNow();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

    private LogFile logFile(String name) {
        return new LogFile(settings.logDirectory().resolve(name + ".log"));
    }

    private <T> CompletableFuture<T> async(Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, executor);
    }

    private CompletableFuture<Void> all(App[] apps, Consumer<App> task) {
        return CompletableFuture.allOf(List.of(apps)
            .stream()
            .map(app -> CompletableFuture.runAsync(() -> task.accept(app), executor))
            .toArray(CompletableFuture[]::new));
    }

    private static void join(CompletableFuture<?> future) {
        try {
            future.join();
        }
        catch (CompletionException ex) {
            if (ex.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw ex;
        }
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

}
