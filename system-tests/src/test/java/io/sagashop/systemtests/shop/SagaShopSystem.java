package io.sagashop.systemtests.shop;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sagashop.launcher.process.AppProcess;
import io.sagashop.launcher.process.FreePorts;
import io.sagashop.launcher.process.TemporalDevServer;
import io.sagashop.launcher.stack.App;
import io.sagashop.launcher.stack.AppDatabase;
import io.sagashop.launcher.stack.AppJvms;
import io.sagashop.launcher.stack.ServiceDatabases;
import io.sagashop.launcher.stack.ShopStack;
import io.sagashop.launcher.stack.StackSecrets;
import io.sagashop.launcher.stack.StackSettings;
import io.sagashop.testsupport.postgres.DatabaseLogin;
import io.sagashop.testsupport.postgres.TestPostgres;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

/**
 * The whole of Saga Shop, started by the launcher's {@link ShopStack} as the demo starts
 * it, but on free ports, with empty databases of its own on the tests' PostgreSQL and a
 * fresh Temporal server. Started once per test JVM and stopped when it exits; tests talk
 * to it over HTTP through the gateway and look into the databases and Temporal to check
 * the outcome.
 */
public final class SagaShopSystem {

    private static final Logger log = LoggerFactory.getLogger(SagaShopSystem.class);

    /** The worker's client at the sign-in server (auth-server's application.yml). */
    private static final String WORKER_CLIENT_ID = "order-workflow-worker";

    private static SagaShopSystem shared;

    private final ShopStack stack;

    private final WorkflowServiceStubs temporalStubs;

    private final WorkflowClient workflowClient;

    private final ShopTokens tokens;

    private final StackSecrets secrets = StackSecrets.random();

    private SagaShopSystem() {
        Map<App, Integer> ports = new EnumMap<>(App.class);
        for (App app : App.values()) {
            ports.put(app, FreePorts.next());
        }
        TemporalDevServer.Ports temporalPorts = TemporalDevServer.Ports.free();
        stack = ShopStack.create(new StackSettings("127.0.0.1", ports, temporalPorts,
                BuildOutput.logDirectory().resolve("temporal-" + temporalPorts.grpc() + ".db"),
                BuildOutput.logDirectory(), AppJvms.fromJars(BuildOutput.jars(), AppJvms.DEFAULT_OPTIONS),
                freshDatabases(), secrets,
                // Long enough for a payment provider outage of half a minute to end in a
                // charge, not a cancellation.
                Map.of(App.WORKER, Map.of("SAGASHOP_WORKER_SAGA_ACTIVITIES_CHARGEPAYMENT_SCHEDULETOCLOSE", "120s")),
                Duration.ofSeconds(180)));
        stack.start();
        tokens = new ShopTokens(issuer());

        temporalStubs = WorkflowServiceStubs
            .newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(stack.temporal().target()).build());
        workflowClient = WorkflowClient.newInstance(temporalStubs,
                WorkflowClientOptions.newBuilder().setNamespace("default").build());
        log.info("Saga Shop is up in {} ms: gateway {}, Temporal {} (UI {})", stack.startTimes().total().toMillis(),
                stack.gateway(), TemporalDevServer.cliVersion(), stack.temporal().uiUrl());
    }

    /**
     * A new database and login per service on the tests' PostgreSQL server, whatever
     * earlier runs left.
     */
    public static ServiceDatabases freshDatabases() {
        return services -> services.stream().collect(Collectors.toMap(Function.identity(), service -> {
            DatabaseLogin login = TestPostgres.shared().createDatabase(service.database());
            return new AppDatabase(login.jdbcUrl(), login.username(), login.password());
        }));
    }

    public static synchronized SagaShopSystem shared() {
        if (shared == null) {
            shared = new SagaShopSystem();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "saga-shop-stop"));
        }
        return shared;
    }

    public URI gateway() {
        return stack.gateway();
    }

    /** The sign-in server as the browser names it: the issuer of every token. */
    public URI issuer() {
        return stack.publicUri(App.AUTH);
    }

    /** Access tokens of the demo accounts, as an API client gets them. */
    public ShopTokens tokens() {
        return tokens;
    }

    /** The demo operator's access token (for the services' operator endpoints). */
    public String operatorToken() {
        return tokens.accessToken(Customers.OPERATOR_EMAIL, Customers.PASSWORD);
    }

    /**
     * The worker's own access token (client credentials, scope saga), for the services'
     * saga endpoints.
     */
    public String workerToken() {
        return tokens.clientToken(WORKER_CLIENT_ID, secrets.workerClientSecret(), "saga");
    }

    public AppProcess app(App app) {
        return stack.app(app);
    }

    public WorkflowClient workflowClient() {
        return workflowClient;
    }

    public TemporalDevServer temporal() {
        return stack.temporal();
    }

    /** A service's own database login (its schema is named as its database). */
    public AppDatabase databaseLogin(App service) {
        return stack.database(service);
    }

    /** A connection to a service's own database and schema, as its own login. */
    public Connection database(App service) throws SQLException {
        AppDatabase login = stack.database(service);
        return DriverManager.getConnection(login.jdbcUrl() + "?currentSchema=" + service.database(), login.username(),
                login.password());
    }

    private void stop() {
        temporalStubs.shutdownNow();
        stack.stop(Duration.ofSeconds(30));
    }

}
