package io.sagashop.systemtests.compose;

import static io.sagashop.systemtests.shop.Customers.ALAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.sagashop.contracts.order.OrderStatus;
import io.sagashop.launcher.process.AppProcess;
import io.sagashop.launcher.process.FreePorts;
import io.sagashop.launcher.process.LogFile;
import io.sagashop.launcher.process.TemporalDevServer;
import io.sagashop.launcher.stack.App;
import io.sagashop.launcher.stack.AppJvms;
import io.sagashop.launcher.stack.ShopStack;
import io.sagashop.systemtests.shop.BuildOutput;
import io.sagashop.systemtests.shop.OrderRuns;
import io.sagashop.systemtests.shop.ShopClient;
import io.sagashop.systemtests.shop.ShopClient.Answer;
import io.sagashop.systemtests.shop.ShopClient.Line;
import io.sagashop.testsupport.postgres.DatabaseLogin;
import io.sagashop.testsupport.postgres.TestPostgres;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

/**
 * Each application started with exactly the environment {@code docker-compose.yml} gives
 * it, so that a misspelled variable, host or database there fails the build instead of a
 * user's first {@code docker compose up}. Without a Docker engine, each compose host is a
 * process here: its {@code host:port} in any value becomes 127.0.0.1 and a free port
 * (never an application's default, so a variable that is not read cannot pass by luck),
 * PostgreSQL gets the databases and logins that the compose file's init script would
 * create, and one order goes through.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComposeEnvironmentIT {

    private static final String POSTGRES = "postgres";

    private static final String TEMPORAL = "temporal";

    private static final int TEMPORAL_PORT = 7233;

    private static final int POSTGRES_PORT = 5432;

    private static final Pattern HOST_AND_PORT = Pattern.compile("(?:^|//)([a-z][a-z0-9-]*):(\\d+)");

    private final ComposeFile compose = ComposeFile.read(Path.of(System.getProperty("sagashop.repository", "..")));

    private final Map<App, AppProcess> apps = new EnumMap<>(App.class);

    private final Map<String, String> addresses = new LinkedHashMap<>();

    private TemporalDevServer temporal;

    private WorkflowServiceStubs temporalStubs;

    @BeforeAll
    void startEachApplicationWithItsComposeEnvironment() {
        Path logs = BuildOutput.logDirectory().resolve("compose-environment");
        TemporalDevServer.Ports temporalPorts = TemporalDevServer.Ports.free();
        temporal = TemporalDevServer.start("127.0.0.1", temporalPorts,
                logs.resolve("temporal-" + temporalPorts.grpc() + ".db"), ShopStack.SEARCH_ATTRIBUTES,
                new LogFile(logs.resolve("temporal-server.log")), Duration.ofSeconds(60));
        addresses.put(TEMPORAL + ":" + TEMPORAL_PORT, temporal.target());
        createTheInitScriptsDatabases();

        Map<App, Integer> ports = new EnumMap<>(App.class);
        for (App app : App.values()) {
            assertThat(compose.hasService(app.artifactId())).as("compose service " + app.artifactId()).isTrue();
            int port = FreePorts.next();
            ports.put(app, port);
            addresses.put(app.artifactId() + ":" + containerPort(app), "127.0.0.1:" + port);
            // A published port is the browser's way in: localhost stays localhost (the
            // sign-in's redirects and cookies are bound to it), the port becomes this
            // process's.
            compose.publishedPorts(app.artifactId())
                .forEach((host, container) -> addresses.put("localhost:" + host, "localhost:" + port));
        }
        AppJvms jvms = AppJvms.fromJars(BuildOutput.jars(), AppJvms.DEFAULT_OPTIONS);
        for (App app : App.values()) {
            Map<String, String> environment = remapped(compose.environment(app.artifactId()));
            environment.put("SERVER_PORT", Integer.toString(ports.get(app)));
            // Without the network of containers, the loopback is where only this test
            // reaches.
            environment.put("SERVER_ADDRESS", "127.0.0.1");
            if (app == App.AUTH) {
                environment.put("SAGASHOP_AUTH_KEYSTORE", signingKeystore(logs, environment).toString());
            }
            AppProcess process = new AppProcess(app.artifactId(), jvms.command(app), environment,
                    URI.create("http://127.0.0.1:" + ports.get(app)),
                    new LogFile(logs.resolve(app.artifactId() + ".log")));
            apps.put(app, process);
            process.start();
        }
        CompletableFuture
            .allOf(apps.values()
                .stream()
                .map(process -> CompletableFuture.runAsync(() -> process.awaitReady(Duration.ofSeconds(180))))
                .toArray(CompletableFuture[]::new))
            .join();
        temporalStubs = WorkflowServiceStubs
            .newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.target()).build());
    }

    @AfterAll
    void stop() {
        apps.values().forEach(AppProcess::requestStop);
        apps.values().forEach(AppProcess::stop);
        if (temporalStubs != null) {
            temporalStubs.shutdownNow();
        }
        if (temporal != null) {
            temporal.stop();
        }
    }

    @Test
    void anOrderGoesThroughEveryServiceWiredAsComposeWiresThem() {
        ShopClient shop = new ShopClient(URI.create("http://localhost:" + apps.get(App.GATEWAY).baseUri().getPort()));
        Answer placed = shop.placeOrder(ALAN, UUID.randomUUID().toString(), List.of(new Line("COF-ESPRESSO-250", 1)),
                "tok_visa");
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
        UUID orderId = UUID.fromString(placed.text("orderId"));

        OrderRuns runs = new OrderRuns(WorkflowClient.newInstance(temporalStubs));
        OrderStatus status;
        try {
            status = runs.awaitOutcome(orderId, Duration.ofSeconds(60)).status();
        }
        catch (AssertionError stuck) {
            // A step that cannot reach its service says which one and why, far better
            // than the timeout.
            throw new AssertionError("The order did not end; its saga: " + shop.saga(ALAN, orderId).body(), stuck);
        }
        assertThat(status).as("saga: %s", shop.saga(ALAN, orderId).body()).isEqualTo(OrderStatus.CONFIRMED);
        // What the gateway reads from the services itself, rather than through the
        // workflow.
        assertThat(shop.order(ALAN, orderId).text("status")).isEqualTo("CONFIRMED");
        assertThat(shop.product("COF-ESPRESSO-250").status()).isEqualTo(200);
        assertThat(placed.text("temporalUiUrl")).as("the link the gateway gives the browser")
            .startsWith(compose.environment(App.GATEWAY.artifactId()).get("TEMPORAL_UI_URL"));
    }

    /**
     * What the compose file's one-shot {@code auth-keys} creates in its volume: a PKCS12
     * keystore with an RSA signing key under the alias and password the sign-in server is
     * given, made with the same {@code keytool}.
     */
    private static Path signingKeystore(Path directory, Map<String, String> environment) {
        Path keystore = directory.resolve("signing-" + UUID.randomUUID() + ".p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        try {
            Files.createDirectories(directory);
            Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias",
                    environment.get("SAGASHOP_AUTH_KEY_ALIAS"), "-keyalg", "RSA", "-keysize", "2048", "-validity", "1",
                    "-dname", "CN=Saga Shop sign-in", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                    "-storepass", environment.get("SAGASHOP_AUTH_KEYSTORE_PASSWORD"))
                .redirectErrorStream(true)
                .start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor()).as("keytool: " + output).isZero();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        return keystore;
    }

    /**
     * As the compose file's PostgreSQL init script does: a login and database per
     * {@code name:password}.
     */
    private void createTheInitScriptsDatabases() {
        String databases = compose.environment(POSTGRES).get("SAGASHOP_DATABASES");
        assertThat(databases).as("SAGASHOP_DATABASES of the postgres service").isNotBlank();
        DatabaseLogin last = null;
        for (String entry : databases.trim().split("\\s+")) {
            String[] pair = entry.split(":", 2);
            last = TestPostgres.shared().createDatabase(pair[0], pair[1]);
        }
        addresses.put(POSTGRES + ":" + POSTGRES_PORT, last.host() + ":" + last.port());
    }

    /**
     * The port an application listens on inside its container: its SERVER_PORT there, or
     * its own default.
     */
    private int containerPort(App app) {
        String port = compose.environment(app.artifactId()).get("SERVER_PORT");
        return port == null ? app.defaultPort() : Integer.parseInt(port);
    }

    /**
     * The environment with each compose address replaced by the process that stands for
     * it here. An address of a host that compose does not define (a typo) fails at once;
     * {@code localhost} is the browser's, left alone.
     */
    private Map<String, String> remapped(Map<String, String> environment) {
        Map<String, String> result = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            Matcher named = HOST_AND_PORT.matcher(value);
            while (named.find()) {
                String hostAndPort = named.group(1) + ":" + named.group(2);
                assertThat(named.group(1).equals("localhost") || addresses.containsKey(hostAndPort))
                    .as(name + "=" + value + " names " + hostAndPort + ", which is no service of the compose "
                            + "file listening there (known: " + addresses.keySet() + ")")
                    .isTrue();
            }
            String mapped = value;
            for (Map.Entry<String, String> address : addresses.entrySet()) {
                mapped = mapped.replace("//" + address.getKey(), "//" + address.getValue());
                if (mapped.equals(address.getKey())) {
                    mapped = address.getValue();
                }
            }
            result.put(name, mapped);
        });
        return result;
    }

}
