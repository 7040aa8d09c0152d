package io.sagashop.gateway.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.sagashop.contracts.order.OrderSearchAttributes;
import io.sagashop.contracts.order.OrderStatus;
import io.sagashop.contracts.order.OrderWorkflow;
import io.sagashop.contracts.order.OrderWorkflows;
import io.sagashop.gateway.temporal.TemporalCalls;
import io.sagashop.gateway.temporal.TemporalProperties;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.common.SearchAttributes;
import io.temporal.common.metadata.POJOWorkflowInterfaceMetadata;
import reactor.core.publisher.Mono;

/**
 * Lists order runs for operators from Temporal's visibility, filtered by the search
 * attributes the workflow keeps current. Visibility is eventually consistent: a run
 * started or changed a moment ago may show its earlier state for a moment.
 *
 * <p>
 * The query is built from parsed values only (an {@link OrderStatus} name, a canonical
 * UUID), never from the caller's text, so no input can change what it asks.
 */
@Component
class OrderRuns {

    static final String PAGE_TOKEN = "pageToken";

    private static final String WORKFLOW_TYPE = POJOWorkflowInterfaceMetadata.newInstance(OrderWorkflow.class)
        .getWorkflowType()
        .orElseThrow();

    private final WorkflowClient client;

    private final TemporalCalls calls;

    private final TemporalProperties temporal;

    private final PageTokens pageTokens;

    OrderRuns(WorkflowClient client, TemporalCalls calls, TemporalProperties temporal, PageTokens pageTokens) {
        this.client = client;
        this.calls = calls;
        this.temporal = temporal;
        this.pageTokens = pageTokens;
    }

    /**
     * @param pageToken a {@link OrderRunPage#nextPageToken()} of the same query, or null
     * for the first page
     * @throws InvalidPageTokenException for a token this list did not hand out for it
     */
    Mono<OrderRunPage> list(@Nullable OrderStatus status, @Nullable UUID customerId, int pageSize,
            @Nullable String pageToken) {
        String query = query(status, customerId);
        ListWorkflowExecutionsRequest.Builder request = ListWorkflowExecutionsRequest.newBuilder()
            .setNamespace(temporal.namespace())
            .setQuery(query)
            .setPageSize(pageSize);
        if (pageToken != null) {
            request.setNextPageToken(ByteString.copyFrom(pageTokens.open(pageToken, query)));
        }
        return calls.call("list the order runs", () -> {
            try {
                return client.getWorkflowServiceStubs().blockingStub().listWorkflowExecutions(request.build());
            }
            catch (StatusRuntimeException ex) {
                if (pageToken != null && ex.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                    throw new InvalidPageTokenException();
                }
                throw ex;
            }
        }).map(response -> page(response, query));
    }

    static String query(@Nullable OrderStatus status, @Nullable UUID customerId) {
        List<String> conditions = new ArrayList<>();
        conditions.add("WorkflowType = '" + WORKFLOW_TYPE + "'");
        if (status != null) {
            conditions.add(OrderSearchAttributes.ORDER_STATUS.getName() + " = '" + status.name() + "'");
        }
        if (customerId != null) {
            conditions.add(OrderSearchAttributes.CUSTOMER_ID.getName() + " = '" + customerId + "'");
        }
        return String.join(" AND ", conditions);
    }

    private OrderRunPage page(ListWorkflowExecutionsResponse response, String query) {
        List<OrderRun> runs = response.getExecutionsList()
            .stream()
            .map(info -> new WorkflowExecutionMetadata(info, client.getOptions().getDataConverter()))
            .flatMap(run -> orderRun(run).stream())
            .toList();
        ByteString next = response.getNextPageToken();
        return new OrderRunPage(runs, next.isEmpty() ? null : pageTokens.seal(next.toByteArray(), query));
    }

    /** Nothing for a run of the type whose id is no order's (not started by the shop). */
    private Optional<OrderRun> orderRun(WorkflowExecutionMetadata run) {
        String workflowId = run.getExecution().getWorkflowId();
        SearchAttributes attributes = run.getTypedSearchAttributes();
        Optional<UUID> orderId = orderIdOf(workflowId);
        Optional<UUID> customerId = uuid(attributes.get(OrderSearchAttributes.CUSTOMER_ID));
        Optional<OrderStatus> status = orderStatus(attributes.get(OrderSearchAttributes.ORDER_STATUS));
        if (orderId.isEmpty() || customerId.isEmpty() || status.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OrderRun(orderId.get(), customerId.get(), status.get(),
                attributes.get(OrderSearchAttributes.ORDER_TOTAL_CENTS),
                OrderRun.RunStatus.valueOf(run.getStatus().name().replace("WORKFLOW_EXECUTION_STATUS_", "")),
                run.getStartTime(), run.getCloseTime(), temporal.uiUrlOf(workflowId)));
    }

    private static Optional<UUID> orderIdOf(String workflowId) {
        int uuidLength = 36;
        if (workflowId.length() < uuidLength) {
            return Optional.empty();
        }
        return uuid(workflowId.substring(workflowId.length() - uuidLength))
            .filter(orderId -> OrderWorkflows.workflowId(orderId).equals(workflowId));
    }

    private static Optional<UUID> uuid(@Nullable String text) {
        try {
            return Optional.ofNullable(text).map(UUID::fromString);
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    private static Optional<OrderStatus> orderStatus(@Nullable String name) {
        try {
            return Optional.ofNullable(name).map(OrderStatus::valueOf);
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

}
