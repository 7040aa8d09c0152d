package io.sagashop.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.sagashop.contracts.order.OrderWorkflows;
import io.sagashop.contracts.order.PlaceOrder;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.filter.v1.WorkflowExecutionFilter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;

/**
 * Temporal's Java test server on a local port, shared by every test of the module, with a
 * worker running {@link ScriptedOrderWorkflow} and the visibility queries the test server
 * lacks ({@link TestVisibilityQueries}). A real port rather than an in-process channel,
 * so the gateway connects through its own configuration exactly as it does to a real
 * server.
 */
public final class TemporalTestServer {

    public static final String NAMESPACE = "default";

    private static final TemporalTestServer INSTANCE = new TemporalTestServer();

    private final int port;

    private final TestWorkflowEnvironment environment;

    private TemporalTestServer() {
        port = freePort();
        // Time skipping stays locked: runs wait in real time, as they would on a real
        // server. Started as TestServer.createPortBoundServer does, with visibility
        // queries added.
        TestServicesStarter services = new TestServicesStarter(true, 0);
        ServerBuilder<?> builder = Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create());
        GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder,
                List.of(new TestVisibilityQueries(services.getWorkflowService())));
        Server server;
        try {
            server = builder.build().start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        environment = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
            .setUseExternalService(true)
            .setTarget(address())
            .setWorkflowClientOptions(WorkflowClientOptions.newBuilder().setNamespace(NAMESPACE).build())
            .build());
        environment.registerSearchAttribute("CustomerId", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
        environment.registerSearchAttribute("OrderStatus", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
        environment.registerSearchAttribute("OrderTotalCents", IndexedValueType.INDEXED_VALUE_TYPE_INT);
        Worker worker = environment.newWorker(OrderWorkflows.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(ScriptedOrderWorkflow.class);
        worker.registerActivitiesImplementations(new ScriptedPaymentActivities());
        environment.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            environment.close();
            server.shutdownNow();
            services.close();
        }, "temporal-test-server-shutdown"));
    }

    public static TemporalTestServer get() {
        return INSTANCE;
    }

    public String address() {
        return "localhost:" + port;
    }

    /**
     * Every run, open or closed, of the workflow id (all of them when the id is null).
     */
    public List<WorkflowExecutionInfo> runs(String workflowId) {
        WorkflowExecutionFilter filter = workflowId == null ? WorkflowExecutionFilter.getDefaultInstance()
                : WorkflowExecutionFilter.newBuilder().setWorkflowId(workflowId).build();
        WorkflowServiceStubs stubs = environment.getWorkflowServiceStubs();
        List<WorkflowExecutionInfo> runs = new ArrayList<>(stubs.blockingStub()
            .listOpenWorkflowExecutions(ListOpenWorkflowExecutionsRequest.newBuilder()
                .setNamespace(NAMESPACE)
                .setExecutionFilter(filter)
                .build())
            .getExecutionsList());
        runs.addAll(stubs.blockingStub()
            .listClosedWorkflowExecutions(ListClosedWorkflowExecutionsRequest.newBuilder()
                .setNamespace(NAMESPACE)
                .setExecutionFilter(filter)
                .build())
            .getExecutionsList());
        return runs;
    }

    public int runCount() {
        return runs(null).size();
    }

    public WorkflowExecutionDescription describe(String workflowId) {
        return environment.getWorkflowClient().newUntypedWorkflowStub(workflowId).describe();
    }

    public PlaceOrder input(String workflowId) {
        var history = environment.getWorkflowClient().fetchHistory(workflowId);
        var started = history.getEvents().getFirst().getWorkflowExecutionStartedEventAttributes();
        return DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(0, Optional.of(started.getInput()), PlaceOrder.class,
                PlaceOrder.class);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
