package io.sagashop.gateway.order;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.sagashop.contracts.order.ApprovalDecision;
import io.sagashop.contracts.order.CancelOrder;
import io.sagashop.contracts.order.OrderFailureTypes;
import io.sagashop.contracts.order.OrderOutcome;
import io.sagashop.contracts.order.OrderSearchAttributes;
import io.sagashop.contracts.order.OrderStatus;
import io.sagashop.contracts.order.OrderWorkflow;
import io.sagashop.contracts.order.OrderWorkflows;
import io.sagashop.contracts.order.SagaState;
import io.sagashop.contracts.order.SagaStep;
import io.sagashop.problem.ProblemException;
import io.sagashop.gateway.identity.Reader;
import io.sagashop.gateway.temporal.TemporalCalls;
import io.sagashop.gateway.temporal.TemporalProperties;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowQueryException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import reactor.core.publisher.Mono;

import io.sagashop.problem.IdempotencyConflictException;

/**
 * Starts, queries and updates order workflows. A shopper only ever sees their own orders:
 * a run that belongs to another customer answers exactly like one that does not exist.
 */
@Service
public class OrderSagas {

    private static final Logger log = LoggerFactory.getLogger(OrderSagas.class);

    /**
     * Memo entries: what the run was started for, so a reused idempotency key can be told
     * apart.
     */
    static final String MEMO_FINGERPRINT = "requestFingerprint";
    static final String MEMO_IDEMPOTENCY_KEY = "idempotencyKey";

    private final WorkflowClient client;

    private final TemporalCalls calls;

    private final TemporalProperties temporal;

    private final OrderIds orderIds;

    OrderSagas(WorkflowClient client, TemporalCalls calls, TemporalProperties temporal, OrderIds orderIds) {
        this.client = client;
        this.calls = calls;
        this.temporal = temporal;
        this.orderIds = orderIds;
    }

    Mono<OrderAccepted> place(UUID customerId, String idempotencyKey, PlaceOrderRequest request) {
        UUID orderId = orderIds.of(customerId, idempotencyKey);
        return calls.call("start the workflow of order " + orderId,
                () -> startOrFind(orderId, customerId, idempotencyKey, request));
    }

    /**
     * The workflow's view of its saga, with the attempts that only the server knows:
     * those a step ended with, from the run's history (a few dozen events), and those of
     * the steps in progress, from its pending activities.
     */
    Mono<SagaState> sagaState(UUID customerId, UUID orderId) {
        return describeOwned(customerId, orderId).flatMap(description -> Mono
            .zip(calls.call("query the saga of order " + orderId, () -> workflow(orderId).sagaState()),
                    calls.call("read the history of order " + orderId, () -> history(description)))
            .map(saga -> SagaAttempts.known(saga.getT1(), saga.getT2(),
                    description.getRawDescription().getPendingActivitiesList())));
    }

    /**
     * A repeated cancel (a retry after a lost answer, a second click) finds the order
     * already cancelled by the shopper and answers where that cancellation stands, as the
     * first one did; any other refusal stands.
     */
    Mono<SagaState> cancel(UUID customerId, UUID orderId, String reason) {
        return describeOwned(customerId, orderId).flatMap(
                description -> update(orderId, description, () -> workflow(orderId).cancel(new CancelOrder(reason)),
                        refusal -> new CancelRefusedException(orderId, refusal))
                    .onErrorResume(CancelRefusedException.class,
                            refused -> cancelledByShopper(orderId, description).switchIfEmpty(Mono.error(refused))));
    }

    Mono<SagaState> approve(String operator, UUID orderId, String comment) {
        return describe(orderId).flatMap(description -> update(orderId, description,
                () -> workflow(orderId).approve(new ApprovalDecision(operator, comment)),
                refusal -> new ApprovalRefusedException(orderId, refusal)));
    }

    Mono<SagaState> reject(String operator, UUID orderId, String comment) {
        return describe(orderId).flatMap(description -> update(orderId, description,
                () -> workflow(orderId).reject(new ApprovalDecision(operator, comment)),
                refusal -> new ApprovalRefusedException(orderId, refusal)));
    }

    /**
     * Ten concurrent identical requests start one run: the conflict policy hands a
     * duplicate start the running run, and the reuse policy refuses a second run once the
     * first has closed. Either way the run found is then checked against this request,
     * since the key may have been used for a different order.
     */
    private OrderAccepted startOrFind(UUID orderId, UUID customerId, String idempotencyKey, PlaceOrderRequest request) {
        String workflowId = OrderWorkflows.workflowId(orderId);
        String fingerprint = request.fingerprint();
        WorkflowOptions options = WorkflowOptions.newBuilder()
            .setWorkflowId(workflowId)
            .setTaskQueue(OrderWorkflows.TASK_QUEUE)
            .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
            .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .setMemo(Map.of(MEMO_FINGERPRINT, fingerprint, MEMO_IDEMPOTENCY_KEY, idempotencyKey))
            .setTypedSearchAttributes(SearchAttributes.newBuilder()
                .set(OrderSearchAttributes.CUSTOMER_ID, customerId.toString())
                .set(OrderSearchAttributes.ORDER_STATUS, OrderStatus.PENDING.name())
                .build())
            .setStaticSummary("Order of %d line(s), %d item(s), for customer %s".formatted(request.lines().size(),
                    request.totalQuantity(), customerId))
            .build();
        OrderWorkflow workflow = client.newWorkflowStub(OrderWorkflow.class, options);
        try {
            WorkflowClient.start(workflow::placeOrder, request.toPlaceOrder(orderId, customerId));
        }
        catch (WorkflowExecutionAlreadyStarted closedBefore) {
            log.debug("Order {} was placed and has finished before; answering as a repeat", orderId);
        }
        WorkflowExecutionDescription run = client.newUntypedWorkflowStub(workflowId).describe();
        if (!fingerprint.equals(run.getMemo(MEMO_FINGERPRINT, String.class)) || foundOrderIdTaken(run)) {
            throw new IdempotencyConflictException(idempotencyKey);
        }
        return accepted(orderId, workflowId);
    }

    /**
     * Whether the run failed because the order id already holds the order of an earlier
     * request with this key (another cart, whose run Temporal has deleted since): this
     * request was never placed, so answering 202 PENDING would not be true. Read from the
     * run's close event, which needs no worker.
     */
    private boolean foundOrderIdTaken(WorkflowExecutionDescription run) {
        if (run.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_FAILED) {
            return false;
        }
        WorkflowExecution execution = run.getRawDescription().getWorkflowExecutionInfo().getExecution();
        try {
            client
                .newUntypedWorkflowStub(execution.getWorkflowId(), Optional.of(execution.getRunId()), Optional.empty())
                .getResult(OrderOutcome.class);
            return false;
        }
        catch (WorkflowFailedException failed) {
            return failed.getCause() instanceof ApplicationFailure failure
                    && OrderFailureTypes.ORDER_ID_TAKEN.equals(failure.getType());
        }
    }

    private OrderAccepted accepted(UUID orderId, String workflowId) {
        URI sagaUrl = URI.create("/api/orders/" + orderId + "/saga");
        return new OrderAccepted(orderId, workflowId, OrderStatus.PENDING, sagaUrl, temporal.uiUrlOf(workflowId));
    }

    /**
     * The order's run, if the reader may see it: another shopper's answers exactly like
     * an order that does not exist.
     */
    public Mono<WorkflowExecutionDescription> describeFor(Reader reader, UUID orderId) {
        return describe(orderId).filter(description -> reader.mayRead(ownerOf(description)))
            .switchIfEmpty(Mono.error(() -> new OrderNotFoundException(orderId)));
    }

    private Mono<WorkflowExecutionDescription> describeOwned(UUID customerId, UUID orderId) {
        return describeFor(new Reader(customerId), orderId);
    }

    private static UUID ownerOf(WorkflowExecutionDescription description) {
        String owner = description.getTypedSearchAttributes().get(OrderSearchAttributes.CUSTOMER_ID);
        try {
            return owner != null ? UUID.fromString(owner) : null;
        }
        catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private Mono<WorkflowExecutionDescription> describe(UUID orderId) {
        return calls.call("describe the workflow of order " + orderId, () -> {
            try {
                return client.newUntypedWorkflowStub(OrderWorkflows.workflowId(orderId)).describe();
            }
            catch (WorkflowNotFoundException ex) {
                throw new OrderNotFoundException(orderId);
            }
        });
    }

    /**
     * Sends an update to a run that is still open. A refusal (the validator's or the
     * handler's) carries the workflow's message, which tells the caller why.
     */
    private Mono<SagaState> update(UUID orderId, WorkflowExecutionDescription description, Supplier<SagaState> update,
            Function<String, ProblemException> refused) {
        if (description.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
            return Mono.error(refused.apply(hasEnded(orderId, description)));
        }
        return calls.call("update the workflow of order " + orderId, () -> {
            try {
                return update.get();
            }
            catch (WorkflowUpdateException ex) {
                throw refused.apply(messageOf(ex));
            }
            catch (WorkflowNotFoundException finishedMeanwhile) {
                throw refused.apply("Order " + orderId + " has already finished");
            }
        });
    }

    /**
     * The saga of an order the shopper's cancel ended (or is ending), else nothing. A
     * closed run is queried only when it ended cancelled, since answering a query on a
     * closed run means replaying it on a worker.
     */
    private Mono<SagaState> cancelledByShopper(UUID orderId, WorkflowExecutionDescription description) {
        boolean open = description.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
        boolean cancelled = OrderStatus.CANCELLED.name()
            .equals(description.getTypedSearchAttributes().get(OrderSearchAttributes.ORDER_STATUS));
        if (!open && !cancelled) {
            return Mono.empty();
        }
        return calls.call("query the saga of order " + orderId, () -> workflow(orderId).sagaState())
            .filter(state -> OrderFailureTypes.CANCELLED_BY_SHOPPER.equals(state.failureType()))
            .onErrorResume(WorkflowQueryException.class, ex -> {
                log.debug("Could not query the saga of order {} after a refused cancel: {}", orderId, ex.toString());
                return Mono.empty();
            });
    }

    /**
     * Of the run described, so that the history and the pending activities belong to the
     * same run.
     */
    private List<HistoryEvent> history(WorkflowExecutionDescription description) {
        WorkflowExecution run = description.getRawDescription().getWorkflowExecutionInfo().getExecution();
        try (Stream<HistoryEvent> history = client.streamHistory(run.getWorkflowId(), run.getRunId())) {
            return history.toList();
        }
    }

    private OrderWorkflow workflow(UUID orderId) {
        return client.newWorkflowStub(OrderWorkflow.class, OrderWorkflows.workflowId(orderId));
    }

    /**
     * Says how the order ended: its final status when the run recorded one, else how the
     * run itself ended.
     */
    private static String hasEnded(UUID orderId, WorkflowExecutionDescription description) {
        String status = description.getTypedSearchAttributes().get(OrderSearchAttributes.ORDER_STATUS);
        boolean finalStatus = Arrays.stream(OrderStatus.values())
            .anyMatch(candidate -> candidate.isFinal() && candidate.name().equals(status));
        if (finalStatus) {
            return "Order " + orderId + " is already " + status;
        }
        String run = description.getStatus().name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase(Locale.ROOT);
        return "Order " + orderId + " has already ended (its workflow " + run + ")";
    }

    private static String messageOf(WorkflowUpdateException ex) {
        Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
        return cause instanceof TemporalFailure failure ? failure.getOriginalMessage() : cause.getMessage();
    }

}
