package io.sagashop.systemtests.shop;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sagashop.systemtests.process.FreePorts;
import io.sagashop.systemtests.process.Jars;
import io.sagashop.systemtests.process.ServiceModule;
import io.sagashop.systemtests.process.ServiceProcess;
import io.sagashop.systemtests.process.TemporalDevServer;
import io.sagashop.testsupport.postgres.DatabaseLogin;
import io.sagashop.testsupport.postgres.TestPostgres;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

/**
 * The whole of Saga Shop as separate processes: real PostgreSQL with a database and login per service, a real
 * Temporal server, the five services, the worker and the gateway, each started from its jar. Started once per
 * test JVM and stopped when it exits; tests talk to it over HTTP through the gateway and look into the databases
 * and Temporal to check the outcome.
 */
public final class SagaShopSystem {

    private static final Logger log = LoggerFactory.getLogger(SagaShopSystem.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final List<String> SEARCH_ATTRIBUTES =
            List.of("CustomerId=Keyword", "OrderStatus=Keyword", "OrderTotalCents=Int");
    private static SagaShopSystem shared;

    private final Map<ServiceModule, DatabaseLogin> databases = new EnumMap<>(ServiceModule.class);
    private final Map<ServiceModule, ServiceProcess> services = new EnumMap<>(ServiceModule.class);
    private final TemporalDevServer temporal;
    private final ServiceProcess worker;
    private final ServiceProcess gateway;
    private final WorkflowServiceStubs temporalStubs;
    private final WorkflowClient workflowClient;

    private SagaShopSystem() {
        temporal = TemporalDevServer.start(Jars.logDirectory(), SEARCH_ATTRIBUTES);
        Map<String, String> serviceUrls = new HashMap<>();
        for (ServiceModule service : ServiceModule.values()) {
            DatabaseLogin database = TestPostgres.shared().createDatabase(service.schema());
            databases.put(service, database);
            ServiceProcess process = ServiceProcess.start(service.artifactId(), service.jar(), FreePorts.next(),
                    Map.of("SPRING_DATASOURCE_URL", database.jdbcUrl(),
                            "SPRING_DATASOURCE_USERNAME", database.username(),
                            "SPRING_DATASOURCE_PASSWORD", database.password()),
                    Jars.logDirectory());
            services.put(service, process);
            serviceUrls.put(service.urlVariable(), process.baseUri().toString());
        }
        Map<String, String> temporalSettings = Map.of("TEMPORAL_ADDRESS", temporal.target(),
                "TEMPORAL_UI_URL", temporal.uiUrl());
        Map<String, String> workerEnvironment = new HashMap<>(serviceUrls);
        workerEnvironment.putAll(temporalSettings);
        // Long enough for a payment provider outage of half a minute to end in a charge, not a cancellation.
        workerEnvironment.put("SAGASHOP_WORKER_SAGA_ACTIVITIES_CHARGEPAYMENT_SCHEDULETOCLOSE", "120s");
        worker = ServiceProcess.start("order-workflow-worker", Jars.of("order-workflow-worker"), FreePorts.next(),
                workerEnvironment, Jars.logDirectory());
        Map<String, String> gatewayEnvironment = new HashMap<>(serviceUrls);
        gatewayEnvironment.putAll(temporalSettings);
        gateway = ServiceProcess.start("gateway", Jars.of("gateway"), FreePorts.next(), gatewayEnvironment,
                Jars.logDirectory());

        List<ServiceProcess> all = new ArrayList<>(services.values());
        all.add(worker);
        all.add(gateway);
        CompletableFuture.allOf(all.stream()
                .map(process -> CompletableFuture.runAsync(() -> process.awaitReady(START_TIMEOUT)))
                .toArray(CompletableFuture[]::new)).join();

        temporalStubs = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.target()).build());
        workflowClient = WorkflowClient.newInstance(temporalStubs,
                WorkflowClientOptions.newBuilder().setNamespace("default").build());
        log.info("Saga Shop is up: gateway {}, Temporal {} (UI {})", gateway.baseUri(), temporal.version(),
                temporal.uiUrl());
    }

    public static synchronized SagaShopSystem shared() {
        if (shared == null) {
            shared = new SagaShopSystem();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "saga-shop-stop"));
        }
        return shared;
    }

    public URI gateway() {
        return gateway.baseUri();
    }

    public ServiceProcess service(ServiceModule service) {
        return services.get(service);
    }

    public ServiceProcess worker() {
        return worker;
    }

    public WorkflowClient workflowClient() {
        return workflowClient;
    }

    public TemporalDevServer temporal() {
        return temporal;
    }

    /** A connection to a service's own database and schema, as its own login. */
    public Connection database(ServiceModule service) throws SQLException {
        DatabaseLogin login = databases.get(service);
        return DriverManager.getConnection(login.jdbcUrl() + "?currentSchema=" + service.schema(), login.username(),
                login.password());
    }

    private void stop() {
        gateway.stop();
        worker.stop();
        services.values().forEach(ServiceProcess::stop);
        temporalStubs.shutdownNow();
        temporal.close();
    }
}
