package io.sagashop.worker.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import io.sagashop.contracts.order.ApprovalDecision;
import io.sagashop.contracts.order.CancelOrder;
import io.sagashop.contracts.order.OrderLine;
import io.sagashop.contracts.order.OrderFailureTypes;
import io.sagashop.contracts.order.OrderOutcome;
import io.sagashop.contracts.order.OrderSearchAttributes;
import io.sagashop.contracts.order.OrderStatus;
import io.sagashop.contracts.order.OrderWorkflow;
import io.sagashop.contracts.order.OrderWorkflows;
import io.sagashop.contracts.order.PlaceOrder;
import io.sagashop.contracts.order.SagaState;
import io.sagashop.contracts.order.SagaStep;
import io.sagashop.contracts.order.SagaStepState;
import io.sagashop.contracts.order.StepStatus;
import io.sagashop.worker.customer.CustomerActivities;
import io.sagashop.worker.inventory.InventoryActivities;
import io.sagashop.worker.inventory.Reservation;
import io.sagashop.worker.notification.Notification;
import io.sagashop.worker.notification.NotificationActivities;
import io.sagashop.worker.notification.NotificationKind;
import io.sagashop.worker.order.OrderActivities;
import io.sagashop.worker.order.OrderConfirmation;
import io.sagashop.worker.order.RecordedOrder;
import io.sagashop.worker.payment.Charge;
import io.sagashop.worker.payment.PaymentActivities;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptorBase;
import io.temporal.api.enums.v1.EventType;
import com.google.protobuf.util.Timestamps;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * The saga's branches, one test per case, on Temporal's in-process test server with time
 * skipping and mocked activities: the outcome, which compensations ran in which order,
 * and what was never called.
 */
class OrderWorkflowTest {

    private static final UUID CUSTOMER_ID = UUID.fromString("c1000000-0000-4000-8000-000000000001");

    private static final UUID RESERVATION_ID = UUID.fromString("5e5e0000-0000-4000-8000-000000000001");

    private static final UUID PAYMENT_ID = UUID.fromString("9a9a0000-0000-4000-8000-000000000001");

    private static final long SMALL_TOTAL = 4_190;

    /**
     * Above {@link TestSagaProperties#APPROVAL_THRESHOLD_CENTS}: waits for an operator.
     */
    private static final long LARGE_TOTAL = 150_000;

    private static final Duration INTERACTION_TIMEOUT = Duration.ofSeconds(10);

    private final OrderActivities orders = mock(OrderActivities.class);

    private final InventoryActivities inventory = mock(InventoryActivities.class);

    private final CustomerActivities customers = mock(CustomerActivities.class);

    private final PaymentActivities payments = mock(PaymentActivities.class);

    private final NotificationActivities notifications = mock(NotificationActivities.class);

    /**
     * Lets a test act while an activity is running; released at the latest when the test
     * ends.
     */
    private final CountDownLatch activityRunning = new CountDownLatch(1);

    private final CountDownLatch activityMayFinish = new CountDownLatch(1);

    private final SameTaskUpdate sameTask = new SameTaskUpdate();

    private final StartedBeforeTheChange startedBeforeTheChange = new StartedBeforeTheChange();

    private TestWorkflowEnvironment testEnvironment;

    private UUID orderId;

    private PlaceOrder placeOrder;

    @BeforeEach
    void startTestServer() {
        testEnvironment = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
            .setWorkerFactoryOptions(
                    WorkerFactoryOptions.newBuilder().setWorkerInterceptors(sameTask, startedBeforeTheChange).build())
            .build());
        for (SearchAttributeKey<?> key : List.of(OrderSearchAttributes.CUSTOMER_ID, OrderSearchAttributes.ORDER_STATUS,
                OrderSearchAttributes.ORDER_TOTAL_CENTS)) {
            testEnvironment.registerSearchAttribute(key.getName(), key.getValueType());
        }
        Worker worker = testEnvironment.newWorker(OrderWorkflows.TASK_QUEUE);
        worker.registerWorkflowImplementationFactory(OrderWorkflow.class,
                () -> new OrderWorkflowImpl(TestSagaProperties.create()));
        worker.registerActivitiesImplementations(orders, inventory, customers, payments, notifications);
        testEnvironment.start();

        orderId = UUID.randomUUID();
        placeOrder = new PlaceOrder(orderId, CUSTOMER_ID,
                List.of(new OrderLine("COF-ESPRESSO-250", 2), new OrderLine("TEA-SENCHA-100", 1)), "tok_visa");
        stockIsReservedFor(SMALL_TOTAL);
        when(payments.chargePayment(eq(orderId), any())).thenReturn(PAYMENT_ID);
    }

    @AfterEach
    void stopTestServer() {
        activityMayFinish.countDown();
        testEnvironment.close();
    }

    @Test
    void confirmsOrderWhenEveryStepSucceeds() {
        OrderWorkflow workflow = newWorkflow();

        OrderOutcome outcome = workflow.placeOrder(placeOrder);

        assertThat(outcome).isEqualTo(new OrderOutcome(orderId, OrderStatus.CONFIRMED, SMALL_TOTAL, "EUR",
                RESERVATION_ID, PAYMENT_ID, null, null));
        InOrder saga = inOrder(orders, inventory, customers, payments, notifications);
        saga.verify(orders).createOrder(placeOrder);
        saga.verify(inventory).reserveStock(orderId, placeOrder.lines());
        saga.verify(customers).checkCustomer(CUSTOMER_ID, SMALL_TOTAL, "EUR");
        saga.verify(payments).chargePayment(orderId, new Charge(CUSTOMER_ID, SMALL_TOTAL, "EUR", "tok_visa"));
        saga.verify(orders)
            .confirmOrder(orderId, new OrderConfirmation(RESERVATION_ID, PAYMENT_ID, SMALL_TOTAL, "EUR"));
        saga.verify(notifications)
            .notifyShopper(orderId, new Notification(CUSTOMER_ID, NotificationKind.ORDER_CONFIRMED,
                    "Your order " + shortId() + " is confirmed; 41.90 EUR was charged."));
        verify(orders, never()).awaitApproval(any(), any());
        verifyNothingCompensated();
    }

    @Test
    void keepsSearchAttributesCurrentAndSummarizesEachActivityCall() {
        OrderWorkflow workflow = newWorkflow();

        workflow.placeOrder(placeOrder);

        SearchAttributes attributes = WorkflowStub.fromTyped(workflow).describe().getTypedSearchAttributes();
        assertThat(attributes.get(OrderSearchAttributes.CUSTOMER_ID)).isEqualTo(CUSTOMER_ID.toString());
        assertThat(attributes.get(OrderSearchAttributes.ORDER_STATUS)).isEqualTo("CONFIRMED");
        assertThat(attributes.get(OrderSearchAttributes.ORDER_TOTAL_CENTS)).isEqualTo(SMALL_TOTAL);
        assertThat(activitySummaries()).containsExactly("Create the order of 2 lines", "Reserve 2 lines",
                "Check the customer may spend 41.90 EUR", "Charge 41.90 EUR", "Confirm the order of 41.90 EUR",
                "Tell the shopper the order is confirmed");
    }

    @Test
    void unknownCustomerCancelsTheOrderAndReleasesItsStock() {
        customerCheckFails("unknown-customer", "No customer " + CUSTOMER_ID);

        OrderOutcome outcome = newWorkflow().placeOrder(placeOrder);

        assertCancelled(outcome, "unknown-customer", "No customer " + CUSTOMER_ID);
        verifyStockReleasedThenOrderCancelled("No customer " + CUSTOMER_ID);
        verifyNeverCharged();
    }

    @Test
    void blockedCustomerCancelsTheOrderAndReleasesItsStock() {
        customerCheckFails("customer-blocked", "The customer is blocked");

        OrderOutcome outcome = newWorkflow().placeOrder(placeOrder);

        assertCancelled(outcome, "customer-blocked", "The customer is blocked");
        verifyStockReleasedThenOrderCancelled("The customer is blocked");
        verifyNeverCharged();
    }

    @Test
    void orderOverTheCreditLimitIsCancelledAndReleasesItsStock() {
        customerCheckFails("credit-limit-exceeded", "41.90 EUR is over the credit limit of 10.00 EUR");

        OrderOutcome outcome = newWorkflow().placeOrder(placeOrder);

        assertCancelled(outcome, "credit-limit-exceeded", "41.90 EUR is over the credit limit of 10.00 EUR");
        verifyStockReleasedThenOrderCancelled("41.90 EUR is over the credit limit of 10.00 EUR");
        verifyNeverCharged();
    }

    @Test
    void outOfStockCancelsTheOrderBeforeTheCustomerIsChecked() {
        when(inventory.reserveStock(eq(orderId), any())).thenThrow(ApplicationFailure
            .newNonRetryableFailure("Only 1 of COF-ESPRESSO-250 left, 2 requested", "out-of-stock"));

        OrderOutcome outcome = newWorkflow().placeOrder(placeOrder);

        assertCancelled(outcome, "out-of-stock", "Only 1 of COF-ESPRESSO-250 left, 2 requested");
        assertThat(outcome.totalCents()).isZero();
        // The release was registered before the call: whatever the call left behind is
        // released.
        verifyStockReleasedThenOrderCancelled("Only 1 of COF-ESPRESSO-250 left, 2 requested");
        verify(inventory, times(1)).reserveStock(any(), any());
        verify(customers, never()).checkCustomer(any(), anyLong(), any());
        verifyNeverCharged();
    }

    @Test
    void unknownSkuCancelsTheOrder() {
        when(inventory.reserveStock(eq(orderId), any()))
            .thenThrow(ApplicationFailure.newNonRetryableFailure("Unknown SKU TEA-SENCHA-100", "unknown-sku"));

        OrderOutcome outcome = newWorkflow().placeOrder(placeOrder);

        assertCancelled(outcome, "unknown-sku", "Unknown SKU TEA-SENCHA-100");
        verifyStockReleasedThenOrderCancelled("Unknown SKU TEA-SENCHA-100");
        verify(customers, never()).checkCustomer(any(), anyLong(), any());
        verifyNeverCharged();
    }

    @Test
    void declinedCardRefundsReleasesStockAndCancelsTheOrderWithTheReason() {
        when(payments.chargePayment(eq(orderId), any()))
            .thenThrow(ApplicationFailure.newNonRetryableFailure("The card was declined", "card-declined"));

        OrderOutcome outcome = newWorkflow().placeOrder(placeOrder);

        assertCancelled(outcome, "card-declined", "The card was declined");
        assertThat(outcome.paymentId()).isNull();
        InOrder undo = inOrder(payments, inventory, orders, notifications);
        undo.verify(payments).refundPayment(orderId);
        undo.verify(inventory).releaseReservation(orderId);
        undo.verify(orders).cancelOrder(orderId, "The card was declined");
        undo.verify(notifications)
            .notifyShopper(orderId, new Notification(CUSTOMER_ID, NotificationKind.ORDER_CANCELLED,
                    "Your order " + shortId() + " was cancelled: The card was declined"));
        verify(payments, times(1)).chargePayment(any(), any());
        verify(orders, never()).confirmOrder(any(), any());
    }

    @Test
    void flakyPaymentProviderIsRetriedUntilTheChargeSucceeds() {
        when(payments.chargePayment(eq(orderId), any())).thenThrow(processorUnavailable())
            .thenThrow(processorUnavailable())
            .thenReturn(PAYMENT_ID);

        OrderOutcome outcome = newWorkflow().placeOrder(placeOrder);

        assertThat(outcome.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(outcome.paymentId()).isEqualTo(PAYMENT_ID);
        verify(payments, times(3)).chargePayment(orderId, new Charge(CUSTOMER_ID, SMALL_TOTAL, "EUR", "tok_visa"));
        verifyNothingCompensated();
    }

    @Test
    void paymentProviderDownPastTheRetryBudgetCancelsTheOrderAndRefundsAnyCharge() {
        when(payments.chargePayment(eq(orderId), any())).thenThrow(processorUnavailable());

        OrderOutcome outcome = newWorkflow().placeOrder(placeOrder);

        assertCancelled(outcome, "payment-unavailable",
                "The payment provider was unavailable; any charge was refunded");
        assertThat(outcome.paymentId()).isNull();
        // Retried with backoff until the next attempt would not fit in the budget, then
        // given up.
        verify(payments, atLeast(3)).chargePayment(any(), any());
        InOrder undo = inOrder(payments, inventory, orders);
        // The last attempt may have charged before it timed out: the refund returns that
        // charge, or voids the payment
        // so that a charge still in flight is refused.
        undo.verify(payments).refundPayment(orderId);
        undo.verify(inventory).releaseReservation(orderId);
        undo.verify(orders).cancelOrder(orderId, "The payment provider was unavailable; any charge was refunded");
        verify(orders, never()).confirmOrder(any(), any());
    }

    @Test
    void shopperCancelBeforeTheChargeEndsTheSagaAtTheNextStep() {
        customerCheckBlocksUntilReleased();
        OrderWorkflow workflow = newWorkflow();
        WorkflowClient.start(workflow::placeOrder, placeOrder);
        awaitActivityRunning();

        SagaState accepted = workflow.cancel(new CancelOrder("Found it cheaper elsewhere"));
        activityMayFinish.countDown();
        OrderOutcome outcome = resultOf(workflow);

        assertThat(statuses(accepted)).containsEntry(SagaStep.CHECK_CUSTOMER, StepStatus.RUNNING);
        assertCancelled(outcome, "cancelled-by-shopper", "Found it cheaper elsewhere");
        verifyStockReleasedThenOrderCancelled("Found it cheaper elsewhere");
        verifyNeverCharged();
    }

    @Test
    void shopperCancelWhileWaitingForApprovalEndsTheSagaAtOnce() {
        stockIsReservedFor(LARGE_TOTAL);
        OrderWorkflow workflow = newWorkflow();
        WorkflowClient.start(workflow::placeOrder, placeOrder);
        awaitOrderStatus(workflow, OrderStatus.AWAITING_APPROVAL);

        workflow.cancel(new CancelOrder(null));
        OrderOutcome outcome = resultOf(workflow);

        assertCancelled(outcome, "cancelled-by-shopper", OrderRequests.DEFAULT_SHOPPER_REASON);
        verifyStockReleasedThenOrderCancelled(OrderRequests.DEFAULT_SHOPPER_REASON);
        verifyNeverCharged();
    }

    @Test
    void shopperCancelAfterTheChargeStartedIsRefusedAndTheOrderIsConfirmed() {
        when(payments.chargePayment(eq(orderId), any())).thenAnswer(invocation -> {
            activityRunning.countDown();
            activityMayFinish.await(INTERACTION_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return PAYMENT_ID;
        });
        OrderWorkflow workflow = newWorkflow();
        WorkflowClient.start(workflow::placeOrder, placeOrder);
        awaitActivityRunning();

        assertThatThrownBy(() -> workflow.cancel(new CancelOrder("Changed my mind")))
            .isInstanceOf(WorkflowUpdateException.class)
            .cause()
            .isInstanceOfSatisfying(ApplicationFailure.class, refusal -> assertThat(refusal.getOriginalMessage())
                .isEqualTo("The order is being paid for and can no longer be cancelled"));
        activityMayFinish.countDown();
        OrderOutcome outcome = resultOf(workflow);

        assertThat(outcome.status()).isEqualTo(OrderStatus.CONFIRMED);
        // Once the run is closed the server itself refuses updates: the run is no longer
        // there to ask.
        assertThatThrownBy(() -> workflow.cancel(new CancelOrder("Changed my mind")))
            .isInstanceOf(WorkflowNotFoundException.class);
        verifyNothingCompensated();
    }

    @Test
    void approvedLargeOrderIsChargedAndConfirmed() {
        stockIsReservedFor(LARGE_TOTAL);
        OrderWorkflow workflow = newWorkflow();
        WorkflowClient.start(workflow::placeOrder, placeOrder);
        awaitOrderStatus(workflow, OrderStatus.AWAITING_APPROVAL);

        workflow.approve(new ApprovalDecision("olivia", "Known customer"));
        OrderOutcome outcome = resultOf(workflow);

        assertThat(outcome.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(outcome.totalCents()).isEqualTo(LARGE_TOTAL);
        InOrder saga = inOrder(customers, orders, payments);
        saga.verify(customers).checkCustomer(CUSTOMER_ID, LARGE_TOTAL, "EUR");
        saga.verify(orders)
            .awaitApproval(orderId, "The total of 1500.00 EUR is above the approval threshold of 1000.00 EUR");
        saga.verify(payments).chargePayment(orderId, new Charge(CUSTOMER_ID, LARGE_TOTAL, "EUR", "tok_visa"));
        saga.verify(orders)
            .confirmOrder(orderId, new OrderConfirmation(RESERVATION_ID, PAYMENT_ID, LARGE_TOTAL, "EUR"));
        verifyNothingCompensated();
    }

    @Test
    void rejectedLargeOrderIsCancelledWithoutCharging() {
        stockIsReservedFor(LARGE_TOTAL);
        OrderWorkflow workflow = newWorkflow();
        WorkflowClient.start(workflow::placeOrder, placeOrder);
        awaitOrderStatus(workflow, OrderStatus.AWAITING_APPROVAL);

        workflow.reject(new ApprovalDecision("olivia", "Unusual amount"));
        OrderOutcome outcome = resultOf(workflow);

        assertCancelled(outcome, "approval-rejected", "Rejected by olivia: Unusual amount");
        verifyStockReleasedThenOrderCancelled("Rejected by olivia: Unusual amount");
        verifyNeverCharged();
    }

    @Test
    void largeOrderTellsTheShopperItWaitsForApprovalAndUntilWhenBeforeTheDecision() {
        stockIsReservedFor(LARGE_TOTAL);
        OrderWorkflow workflow = newWorkflow();
        WorkflowClient.start(workflow::placeOrder, placeOrder);
        awaitOrderStatus(workflow, OrderStatus.AWAITING_APPROVAL);
        verify(notifications, timeout(INTERACTION_TIMEOUT.toMillis())).notifyShopper(eq(orderId),
                ofKind(NotificationKind.APPROVAL_PENDING));

        SagaState waiting = workflow.sagaState();
        workflow.approve(new ApprovalDecision("olivia", "Known customer"));
        OrderOutcome outcome = resultOf(workflow);

        assertThat(outcome.status()).isEqualTo(OrderStatus.CONFIRMED);
        InOrder saga = inOrder(orders, notifications, payments);
        saga.verify(orders).awaitApproval(eq(orderId), any());
        saga.verify(notifications)
            .notifyShopper(orderId,
                    new Notification(CUSTOMER_ID, NotificationKind.APPROVAL_PENDING,
                            "Your order " + shortId() + " of 1500.00 EUR waits for an operator's approval until "
                                    + approvalDeadline() + "; without one by then it is cancelled."));
        saga.verify(payments).chargePayment(eq(orderId), any());
        saga.verify(notifications).notifyShopper(eq(orderId), ofKind(NotificationKind.ORDER_CONFIRMED));
        // The notice is no step of its own: the last step is still the final
        // notification.
        assertThat(statuses(waiting)).containsEntry(SagaStep.AWAIT_APPROVAL, StepStatus.RUNNING)
            .containsEntry(SagaStep.NOTIFY_SHOPPER, StepStatus.PENDING);
        assertThat(activitySummaries()).containsExactly("Create the order of 2 lines", "Reserve 2 lines",
                "Check the customer may spend 1500.00 EUR", "Ask an operator to approve 1500.00 EUR",
                "Tell the shopper the order waits for approval", "Charge 1500.00 EUR",
                "Confirm the order of 1500.00 EUR", "Tell the shopper the order is confirmed");
        assertThat(versionMarkers()).contains(OrderWorkflowImpl.TELLS_OF_APPROVAL_WAIT);
    }

    @Test
    void approvalWaitGoesOnWhenTheShopperCannotBeToldOfIt() {
        stockIsReservedFor(LARGE_TOTAL);
        doThrow(new IllegalStateException("notification-service is down")).when(notifications)
            .notifyShopper(any(), ofKind(NotificationKind.APPROVAL_PENDING));
        OrderWorkflow workflow = newWorkflow();
        WorkflowClient.start(workflow::placeOrder, placeOrder);
        awaitOrderStatus(workflow, OrderStatus.AWAITING_APPROVAL);

        workflow.approve(new ApprovalDecision("olivia", "Known customer"));
        OrderOutcome outcome = resultOf(workflow);

        assertThat(outcome.status()).isEqualTo(OrderStatus.CONFIRMED);
        verify(payments).chargePayment(orderId, new Charge(CUSTOMER_ID, LARGE_TOTAL, "EUR", "tok_visa"));
        verify(notifications, times(TestSagaProperties.NOTIFICATION_ATTEMPTS)).notifyShopper(eq(orderId),
                ofKind(NotificationKind.APPROVAL_PENDING));
        verify(notifications).notifyShopper(eq(orderId), ofKind(NotificationKind.ORDER_CONFIRMED));
        SagaState ended = workflow.sagaState();
        assertThat(statuses(ended)).containsEntry(SagaStep.AWAIT_APPROVAL, StepStatus.DONE)
            .containsEntry(SagaStep.NOTIFY_SHOPPER, StepStatus.DONE);
        assertThat(ended.steps()).allSatisfy(step -> assertThat(step.lastFailure()).isNull());
        verifyNothingCompensated();
    }

    @Test
    void anOperatorDecidesWhileTheShopperIsStillBeingToldOfTheWait() {
        stockIsReservedFor(LARGE_TOTAL);
        notificationBlocksUntilReleased(NotificationKind.APPROVAL_PENDING);
        OrderWorkflow workflow = newWorkflow();
        WorkflowClient.start(workflow::placeOrder, placeOrder);
        awaitActivityRunning();

        // The wait's timer started with the notice, not after it.
        assertThat(history()).anyMatch(HistoryEvent::hasTimerStartedEventAttributes);
        workflow.approve(new ApprovalDecision("olivia", "Known customer"));
        verify(payments, timeout(INTERACTION_TIMEOUT.toMillis())).chargePayment(eq(orderId), any());
        verify(orders, timeout(INTERACTION_TIMEOUT.toMillis())).confirmOrder(eq(orderId), any());
        // The final notification waits for the notice: the shopper reads them in order.
        verify(notifications, never()).notifyShopper(any(), ofKind(NotificationKind.ORDER_CONFIRMED));
        activityMayFinish.countDown();
        OrderOutcome outcome = resultOf(workflow);

        assertThat(outcome.status()).isEqualTo(OrderStatus.CONFIRMED);
        InOrder told = inOrder(notifications);
        told.verify(notifications).notifyShopper(eq(orderId), ofKind(NotificationKind.APPROVAL_PENDING));
        told.verify(notifications).notifyShopper(eq(orderId), ofKind(NotificationKind.ORDER_CONFIRMED));
        verifyNothingCompensated();
    }

    @Test
    void shopperCancelWhileTheShopperIsStillBeingToldOfTheWaitEndsTheSagaAtOnce() {
        stockIsReservedFor(LARGE_TOTAL);
        notificationBlocksUntilReleased(NotificationKind.APPROVAL_PENDING);
        OrderWorkflow workflow = newWorkflow();
        WorkflowClient.start(workflow::placeOrder, placeOrder);
        awaitActivityRunning();

        workflow.cancel(new CancelOrder("Found it cheaper elsewhere"));
        verify(orders, timeout(INTERACTION_TIMEOUT.toMillis())).cancelOrder(orderId, "Found it cheaper elsewhere");
        activityMayFinish.countDown();
        OrderOutcome outcome = resultOf(workflow);

        assertCancelled(outcome, "cancelled-by-shopper", "Found it cheaper elsewhere");
        verifyStockReleasedThenOrderCancelled("Found it cheaper elsewhere");
        InOrder told = inOrder(notifications);
        told.verify(notifications).notifyShopper(eq(orderId), ofKind(NotificationKind.APPROVAL_PENDING));
        told.verify(notifications).notifyShopper(eq(orderId), ofKind(NotificationKind.ORDER_CANCELLED));
        verifyNeverCharged();
    }

    @Test
    void runStartedBeforeTheShopperWasToldOfTheWaitStillWaitsWithoutTellingThem() {
        startedBeforeTheChange.pretend(OrderWorkflowImpl.TELLS_OF_APPROVAL_WAIT);
        stockIsReservedFor(LARGE_TOTAL);
        OrderWorkflow workflow = newWorkflow();
        WorkflowClient.start(workflow::placeOrder, placeOrder);
        awaitOrderStatus(workflow, OrderStatus.AWAITING_APPROVAL);

        workflow.approve(new ApprovalDecision("olivia", "Known customer"));
        OrderOutcome outcome = resultOf(workflow);

        assertThat(outcome.status()).isEqualTo(OrderStatus.CONFIRMED);
        verify(notifications, never()).notifyShopper(any(), ofKind(NotificationKind.APPROVAL_PENDING));
        verify(notifications).notifyShopper(eq(orderId), ofKind(NotificationKind.ORDER_CONFIRMED));
        assertThat(activitySummaries()).doesNotContain("Tell the shopper the order waits for approval");
        assertThat(versionMarkers()).doesNotContain(OrderWorkflowImpl.TELLS_OF_APPROVAL_WAIT);
    }

    @Test
    void aCancelArrivingWithAnApprovalIsRefusedAndTheOrderIsConfirmed() {
        stockIsReservedFor(LARGE_TOTAL);
        OrderWorkflow workflow = newWorkflow();
        WorkflowClient.start(workflow::placeOrder, placeOrder);
        awaitOrderStatus(workflow, OrderStatus.AWAITING_APPROVAL);
        sameTask.deliverAfter("approve", "cancel", new CancelOrder("Changed my mind"));

        workflow.approve(new ApprovalDecision("olivia", "Known customer"));
        OrderOutcome outcome = resultOf(workflow);

        assertThat(sameTask.refusal()).isEqualTo("The order was approved by olivia and can no longer be cancelled");
        assertThat(outcome.status()).isEqualTo(OrderStatus.CONFIRMED);
        verify(payments).chargePayment(orderId, new Charge(CUSTOMER_ID, LARGE_TOTAL, "EUR", "tok_visa"));
        verifyNothingCompensated();
    }

    @Test
    void anApprovalArrivingWithACancelIsRefusedAndTheOrderIsCancelled() {
        stockIsReservedFor(LARGE_TOTAL);
        OrderWorkflow workflow = newWorkflow();
        WorkflowClient.start(workflow::placeOrder, placeOrder);
        awaitOrderStatus(workflow, OrderStatus.AWAITING_APPROVAL);
        sameTask.deliverAfter("cancel", "approve", new ApprovalDecision("olivia", "Known customer"));

        workflow.cancel(new CancelOrder("Changed my mind"));
        OrderOutcome outcome = resultOf(workflow);

        assertThat(sameTask.refusal()).isEqualTo("The shopper cancelled the order");
        assertCancelled(outcome, "cancelled-by-shopper", "Changed my mind");
        verifyStockReleasedThenOrderCancelled("Changed my mind");
        verifyNeverCharged();
    }

    @Test
    void aCancelAfterARejectionIsRefusedAndTheRejectionStands() {
        stockIsReservedFor(LARGE_TOTAL);
        OrderWorkflow workflow = newWorkflow();
        WorkflowClient.start(workflow::placeOrder, placeOrder);
        awaitOrderStatus(workflow, OrderStatus.AWAITING_APPROVAL);
        sameTask.deliverAfter("reject", "cancel", new CancelOrder("Changed my mind"));

        workflow.reject(new ApprovalDecision("olivia", "Unusual amount"));
        OrderOutcome outcome = resultOf(workflow);

        assertThat(sameTask.refusal()).isEqualTo("The order was rejected by olivia and is being cancelled");
        assertCancelled(outcome, "approval-rejected", "Rejected by olivia: Unusual amount");
        verifyNeverCharged();
    }

    @Test
    void largeOrderWithoutADecisionInTimeIsCancelled() {
        stockIsReservedFor(LARGE_TOTAL);
        long startedAt = testEnvironment.currentTimeMillis();

        OrderOutcome outcome = newWorkflow().placeOrder(placeOrder);

        assertCancelled(outcome, "approval-timed-out", "No operator approved the order within 24h");
        assertThat(testEnvironment.currentTimeMillis() - startedAt)
            .isGreaterThanOrEqualTo(TestSagaProperties.APPROVAL_TIMEOUT.toMillis());
        verifyStockReleasedThenOrderCancelled("No operator approved the order within 24h");
        verifyNeverCharged();
    }

    @Test
    void approvalIsRefusedWhileTheOrderIsNotWaitingForIt() {
        customerCheckBlocksUntilReleased();
        OrderWorkflow workflow = newWorkflow();
        WorkflowClient.start(workflow::placeOrder, placeOrder);
        awaitActivityRunning();

        assertThatThrownBy(() -> workflow.approve(new ApprovalDecision("olivia", null)))
            .isInstanceOf(WorkflowUpdateException.class)
            .cause()
            .isInstanceOfSatisfying(ApplicationFailure.class, refusal -> assertThat(refusal.getOriginalMessage())
                .isEqualTo("The order is not waiting for approval (status pending)"));
        assertThatThrownBy(() -> workflow.reject(new ApprovalDecision("olivia", null)))
            .isInstanceOf(WorkflowUpdateException.class);
        activityMayFinish.countDown();

        assertThat(resultOf(workflow).status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void failingNotificationDoesNotUndoTheOrder() {
        doThrow(new IllegalStateException("notification-service is down")).when(notifications)
            .notifyShopper(any(), any());
        OrderWorkflow workflow = newWorkflow();

        OrderOutcome outcome = workflow.placeOrder(placeOrder);

        assertThat(outcome.status()).isEqualTo(OrderStatus.CONFIRMED);
        verify(notifications, times(TestSagaProperties.NOTIFICATION_ATTEMPTS)).notifyShopper(any(), any());
        SagaStepState notify = workflow.sagaState().steps().getLast();
        assertThat(notify.step()).isEqualTo(SagaStep.NOTIFY_SHOPPER);
        assertThat(notify.status()).isEqualTo(StepStatus.FAILED);
        assertThat(notify.lastFailure()).isEqualTo("notification-service is down");
        verifyNothingCompensated();
    }

    @Test
    void compensationThatFailsTwiceIsRetriedUntilItSucceeds() {
        customerCheckFails("customer-blocked", "The customer is blocked");
        doThrow(new IllegalStateException("inventory-service is down"))
            .doThrow(new IllegalStateException("inventory-service is down"))
            .doNothing()
            .when(inventory)
            .releaseReservation(orderId);
        OrderWorkflow workflow = newWorkflow();

        OrderOutcome outcome = workflow.placeOrder(placeOrder);

        assertCancelled(outcome, "customer-blocked", "The customer is blocked");
        InOrder undo = inOrder(inventory, orders);
        undo.verify(inventory, times(3)).releaseReservation(orderId);
        undo.verify(orders).cancelOrder(orderId, "The customer is blocked");
        assertThat(statuses(workflow.sagaState())).containsEntry(SagaStep.RESERVE_STOCK, StepStatus.COMPENSATED);
    }

    @Test
    void sagaStateReflectsEachStepWhileWaitingAndAfterTheEnd() {
        stockIsReservedFor(LARGE_TOTAL);
        OrderWorkflow workflow = newWorkflow();
        WorkflowClient.start(workflow::placeOrder, placeOrder);
        awaitOrderStatus(workflow, OrderStatus.AWAITING_APPROVAL);

        SagaState waiting = workflow.sagaState();
        Instant now = Instant.ofEpochMilli(testEnvironment.currentTimeMillis());
        workflow.reject(new ApprovalDecision("olivia", null));
        resultOf(workflow);
        SagaState ended = workflow.sagaState();

        assertThat(waiting.orderId()).isEqualTo(orderId);
        assertThat(waiting.customerId()).isEqualTo(CUSTOMER_ID);
        assertThat(waiting.totalCents()).isEqualTo(LARGE_TOTAL);
        assertThat(waiting.currency()).isEqualTo("EUR");
        assertThat(waiting.cancelReason()).isNull();
        assertThat(statuses(waiting)).containsExactly(entry(SagaStep.CREATE_ORDER, StepStatus.DONE),
                entry(SagaStep.RESERVE_STOCK, StepStatus.DONE), entry(SagaStep.CHECK_CUSTOMER, StepStatus.DONE),
                entry(SagaStep.AWAIT_APPROVAL, StepStatus.RUNNING), entry(SagaStep.CHARGE_PAYMENT, StepStatus.PENDING),
                entry(SagaStep.CONFIRM_ORDER, StepStatus.PENDING), entry(SagaStep.NOTIFY_SHOPPER, StepStatus.PENDING));
        assertThat(waiting.steps().get(SagaStep.AWAIT_APPROVAL.ordinal()).attempt()).isEqualTo(1);
        // The wait began moments before the query, in workflow time.
        assertThat(waiting.approvalDeadline()).isBetween(now.plus(TestSagaProperties.APPROVAL_TIMEOUT).minusSeconds(60),
                now.plus(TestSagaProperties.APPROVAL_TIMEOUT));

        assertThat(ended.orderStatus()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(ended.failureType()).isEqualTo("approval-rejected");
        assertThat(ended.cancelReason()).isEqualTo("Rejected by olivia");
        assertThat(statuses(ended)).containsExactly(entry(SagaStep.CREATE_ORDER, StepStatus.COMPENSATED),
                entry(SagaStep.RESERVE_STOCK, StepStatus.COMPENSATED), entry(SagaStep.CHECK_CUSTOMER, StepStatus.DONE),
                entry(SagaStep.AWAIT_APPROVAL, StepStatus.FAILED), entry(SagaStep.CHARGE_PAYMENT, StepStatus.SKIPPED),
                entry(SagaStep.CONFIRM_ORDER, StepStatus.SKIPPED), entry(SagaStep.NOTIFY_SHOPPER, StepStatus.DONE));
        assertThat(ended.steps().get(SagaStep.AWAIT_APPROVAL.ordinal()).lastFailure()).isEqualTo("Rejected by olivia");
        assertThat(ended.approvalDeadline()).isEqualTo(waiting.approvalDeadline());
    }

    @Test
    void unexpectedFailureIsCompensatedAndFailsTheRun() {
        when(inventory.reserveStock(eq(orderId), any())).thenThrow(ApplicationFailure
            .newNonRetryableFailure("Order was reserved before with other lines", "idempotency-conflict"));
        OrderWorkflow workflow = newWorkflow();

        assertThatThrownBy(() -> workflow.placeOrder(placeOrder)).isInstanceOf(WorkflowFailedException.class)
            .cause()
            .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                assertThat(failure.getType()).isEqualTo("idempotency-conflict");
                assertThat(failure.getOriginalMessage()).contains("RESERVE_STOCK", "compensated");
            });

        verifyStockReleasedThenOrderCancelled("The order could not be completed because of an unexpected error");
        SagaState state = workflow.sagaState();
        assertThat(state.orderStatus()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(state.failureType()).isEqualTo("idempotency-conflict");
        verifyNeverCharged();
    }

    @Test
    void anOrderIdHoldingAnotherRequestsOrderFailsTheRunWithoutTouchingThatOrder() {
        when(orders.createOrder(any())).thenThrow(ApplicationFailure
            .newNonRetryableFailure("Order was created before with other lines", "idempotency-conflict"));
        OrderWorkflow workflow = newWorkflow();

        assertThatThrownBy(() -> workflow.placeOrder(placeOrder)).isInstanceOf(WorkflowFailedException.class)
            .cause()
            .isInstanceOfSatisfying(ApplicationFailure.class,
                    failure -> assertThat(failure.getType()).isEqualTo("idempotency-conflict"));

        verify(orders, never()).cancelOrder(any(), any());
        verify(inventory, never()).reserveStock(any(), any());
        verify(inventory, never()).releaseReservation(any());
        verify(notifications, never()).notifyShopper(any(), any());
        verifyNeverCharged();
        assertThat(workflow.sagaState().failureType()).isEqualTo("idempotency-conflict");
    }

    @Test
    void anOrderIdHoldingAnotherRequestsOrderEndsThisRequestCancelledInTheSagaViewAndTheSearchAttributes() {
        when(orders.createOrder(any())).thenThrow(ApplicationFailure
            .newNonRetryableFailure("Order was created before with other lines", "idempotency-conflict"));
        OrderWorkflow workflow = newWorkflow();

        assertThatThrownBy(() -> workflow.placeOrder(placeOrder)).isInstanceOf(WorkflowFailedException.class);

        SagaState ended = workflow.sagaState();
        assertThat(ended.orderStatus()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(ended.failureType()).isEqualTo(OrderFailureTypes.ORDER_ID_TAKEN);
        assertThat(ended.cancelReason()).isEqualTo("This request was not placed: order " + orderId
                + " already holds an order with other content (its Idempotency-Key was used for another cart)");
        assertThat(statuses(ended)).containsExactly(entry(SagaStep.CREATE_ORDER, StepStatus.FAILED),
                entry(SagaStep.RESERVE_STOCK, StepStatus.SKIPPED), entry(SagaStep.CHECK_CUSTOMER, StepStatus.SKIPPED),
                entry(SagaStep.AWAIT_APPROVAL, StepStatus.SKIPPED), entry(SagaStep.CHARGE_PAYMENT, StepStatus.SKIPPED),
                entry(SagaStep.CONFIRM_ORDER, StepStatus.SKIPPED), entry(SagaStep.NOTIFY_SHOPPER, StepStatus.SKIPPED));
        SearchAttributes attributes = WorkflowStub.fromTyped(workflow).describe().getTypedSearchAttributes();
        assertThat(attributes.get(OrderSearchAttributes.ORDER_STATUS)).isEqualTo("CANCELLED");
        // Notifications are kept per order id and kind: a "cancelled" one under this id
        // would speak of the other request's order.
        verify(notifications, never()).notifyShopper(any(), any());
        verify(orders, never()).cancelOrder(any(), any());
    }

    @Test
    void cancellingTheRunInTemporalStillCompensates() {
        customerCheckBlocksUntilReleased();
        OrderWorkflow workflow = newWorkflow();
        WorkflowClient.start(workflow::placeOrder, placeOrder);
        awaitActivityRunning();

        WorkflowStub.fromTyped(workflow).cancel();
        awaitActivityCancelRequested();
        activityMayFinish.countDown();

        assertThatThrownBy(() -> resultOf(workflow)).isInstanceOf(WorkflowFailedException.class)
            .cause()
            .isInstanceOf(CanceledFailure.class);
        verifyStockReleasedThenOrderCancelled("The order was stopped by an operator");
        verifyNeverCharged();
    }

    @Test
    void cancellingTheRunWaitsForTheAttemptInFlightBeforeCompensating() {
        List<String> events = new CopyOnWriteArrayList<>();
        doAnswer(invocation -> {
            activityRunning.countDown();
            activityMayFinish.await(INTERACTION_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            events.add("customer checked");
            return null;
        }).when(customers).checkCustomer(any(), anyLong(), any());
        doAnswer(invocation -> {
            events.add("stock released");
            return null;
        }).when(inventory).releaseReservation(orderId);
        OrderWorkflow workflow = newWorkflow();
        WorkflowClient.start(workflow::placeOrder, placeOrder);
        awaitActivityRunning();

        WorkflowStub.fromTyped(workflow).cancel();
        awaitActivityCancelRequested();
        // The check does not heartbeat, so it goes on: nothing is undone while it could
        // still land afterwards.
        verify(inventory, after(1_000).never()).releaseReservation(any());
        activityMayFinish.countDown();

        assertThatThrownBy(() -> resultOf(workflow)).isInstanceOf(WorkflowFailedException.class)
            .cause()
            .isInstanceOf(CanceledFailure.class);
        assertThat(events).containsExactly("customer checked", "stock released");
        verifyStockReleasedThenOrderCancelled("The order was stopped by an operator");
        verifyNeverCharged();
        assertThat(statuses(workflow.sagaState())).doesNotContainValue(StepStatus.RUNNING);
    }

    @Test
    void cancellingTheRunWhileWaitingForApprovalMarksTheWaitAsStopped() {
        stockIsReservedFor(LARGE_TOTAL);
        OrderWorkflow workflow = newWorkflow();
        WorkflowClient.start(workflow::placeOrder, placeOrder);
        awaitOrderStatus(workflow, OrderStatus.AWAITING_APPROVAL);

        WorkflowStub.fromTyped(workflow).cancel();

        assertThatThrownBy(() -> resultOf(workflow)).isInstanceOf(WorkflowFailedException.class)
            .cause()
            .isInstanceOf(CanceledFailure.class);
        SagaState ended = workflow.sagaState();
        assertThat(ended.orderStatus()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(ended.failureType()).isEqualTo("run-cancelled");
        assertThat(statuses(ended)).containsExactly(entry(SagaStep.CREATE_ORDER, StepStatus.COMPENSATED),
                entry(SagaStep.RESERVE_STOCK, StepStatus.COMPENSATED), entry(SagaStep.CHECK_CUSTOMER, StepStatus.DONE),
                entry(SagaStep.AWAIT_APPROVAL, StepStatus.FAILED), entry(SagaStep.CHARGE_PAYMENT, StepStatus.SKIPPED),
                entry(SagaStep.CONFIRM_ORDER, StepStatus.SKIPPED), entry(SagaStep.NOTIFY_SHOPPER, StepStatus.DONE));
        assertThat(ended.steps().get(SagaStep.AWAIT_APPROVAL.ordinal()).lastFailure())
            .isEqualTo("Stopped by an operator");
        verifyStockReleasedThenOrderCancelled("The order was stopped by an operator");
        verifyNeverCharged();
    }

    @Test
    void repeatedShopperCancelIsAnsweredWithTheStateAndTheFirstReasonStands() {
        stockIsReservedFor(LARGE_TOTAL);
        notificationBlocksUntilReleased(NotificationKind.ORDER_CANCELLED);
        OrderWorkflow workflow = newWorkflow();
        WorkflowClient.start(workflow::placeOrder, placeOrder);
        awaitOrderStatus(workflow, OrderStatus.AWAITING_APPROVAL);

        workflow.cancel(new CancelOrder("Found it cheaper elsewhere"));
        // The shopper is being told: the order is cancelled and the run still open.
        awaitActivityRunning();
        SagaState repeated = workflow.cancel(new CancelOrder("Found it cheaper elsewhere"));
        SagaState retriedWithAnotherReason = workflow.cancel(new CancelOrder("Changed my mind"));
        activityMayFinish.countDown();
        OrderOutcome outcome = resultOf(workflow);

        assertThat(repeated.orderStatus()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(repeated.cancelReason()).isEqualTo("Found it cheaper elsewhere");
        assertThat(retriedWithAnotherReason.cancelReason()).isEqualTo("Found it cheaper elsewhere");
        assertCancelled(outcome, "cancelled-by-shopper", "Found it cheaper elsewhere");
        verify(orders, times(1)).cancelOrder(any(), any());
        verifyNeverCharged();
    }

    @Test
    void shopperCancelWhileTheOrderIsCancelledForAnotherReasonIsRefused() {
        customerCheckFails("customer-blocked", "The customer is blocked");
        notificationBlocksUntilReleased(NotificationKind.ORDER_CANCELLED);
        OrderWorkflow workflow = newWorkflow();
        WorkflowClient.start(workflow::placeOrder, placeOrder);
        awaitActivityRunning();

        assertThatThrownBy(() -> workflow.cancel(new CancelOrder("Changed my mind")))
            .isInstanceOf(WorkflowUpdateException.class)
            .cause()
            .isInstanceOfSatisfying(ApplicationFailure.class, refusal -> assertThat(refusal.getOriginalMessage())
                .isEqualTo("The order is already cancelled and can no longer be cancelled"));
        activityMayFinish.countDown();

        assertCancelled(resultOf(workflow), "customer-blocked", "The customer is blocked");
    }

    @Test
    void controlCharactersInTheShopperReasonNeverReachTheServices() {
        stockIsReservedFor(LARGE_TOTAL);
        OrderWorkflow workflow = newWorkflow();
        WorkflowClient.start(workflow::placeOrder, placeOrder);
        awaitOrderStatus(workflow, OrderStatus.AWAITING_APPROVAL);

        workflow.cancel(new CancelOrder("Found it\u0000 cheaper\u001b elsewhere\u007f"));
        OrderOutcome outcome = resultOf(workflow);

        assertCancelled(outcome, "cancelled-by-shopper", "Found it cheaper elsewhere");
        verifyStockReleasedThenOrderCancelled("Found it cheaper elsewhere");
        verify(notifications).notifyShopper(orderId, new Notification(CUSTOMER_ID, NotificationKind.ORDER_CANCELLED,
                "Your order " + shortId() + " was cancelled: Found it cheaper elsewhere"));
    }

    @Test
    void shopperReasonOfNothingButControlCharactersGetsTheDefaultReason() {
        stockIsReservedFor(LARGE_TOTAL);
        OrderWorkflow workflow = newWorkflow();
        WorkflowClient.start(workflow::placeOrder, placeOrder);
        awaitOrderStatus(workflow, OrderStatus.AWAITING_APPROVAL);

        workflow.cancel(new CancelOrder("\u0000 \u0000"));

        assertCancelled(resultOf(workflow), "cancelled-by-shopper", OrderRequests.DEFAULT_SHOPPER_REASON);
        verifyStockReleasedThenOrderCancelled(OrderRequests.DEFAULT_SHOPPER_REASON);
    }

    @Test
    void controlCharactersInAServiceAnswerNeverReachTheOrderService() {
        customerCheckFails("customer-blocked", "The customer\u0000 is blocked\u0007");

        OrderOutcome outcome = newWorkflow().placeOrder(placeOrder);

        assertCancelled(outcome, "customer-blocked", "The customer is blocked");
        verifyStockReleasedThenOrderCancelled("The customer is blocked");
    }

    @Test
    void controlCharactersInAnOperatorCommentNeverReachTheOrderService() {
        stockIsReservedFor(LARGE_TOTAL);
        OrderWorkflow workflow = newWorkflow();
        WorkflowClient.start(workflow::placeOrder, placeOrder);
        awaitOrderStatus(workflow, OrderStatus.AWAITING_APPROVAL);

        workflow.reject(new ApprovalDecision("olivia", "Unusual\u0000 amount"));

        assertCancelled(resultOf(workflow), "approval-rejected", "Rejected by olivia: Unusual amount");
        verifyStockReleasedThenOrderCancelled("Rejected by olivia: Unusual amount");
    }

    @Test
    void longShopperReasonIsShortenedToWhatTheOrderKeepsWithoutSplittingACharacter() {
        stockIsReservedFor(LARGE_TOTAL);
        OrderWorkflow workflow = newWorkflow();
        WorkflowClient.start(workflow::placeOrder, placeOrder);
        awaitOrderStatus(workflow, OrderStatus.AWAITING_APPROVAL);

        // The emoji takes the 499th and 500th UTF-16 units: it goes whole, never half.
        workflow.cancel(new CancelOrder("x".repeat(498) + "\uD83D\uDE00 and more"));

        String shortened = "x".repeat(498) + "…";
        assertCancelled(resultOf(workflow), "cancelled-by-shopper", shortened);
        verifyStockReleasedThenOrderCancelled(shortened);
    }

    @Test
    void orderConfirmedByAnEarlierRunIsReturnedAsItStandsAndNothingRunsAgain() {
        when(orders.createOrder(placeOrder))
            .thenReturn(new RecordedOrder(OrderStatus.CONFIRMED, null, SMALL_TOTAL, "EUR", RESERVATION_ID, PAYMENT_ID));
        OrderWorkflow workflow = newWorkflow();

        OrderOutcome outcome = workflow.placeOrder(placeOrder);

        assertThat(outcome).isEqualTo(new OrderOutcome(orderId, OrderStatus.CONFIRMED, SMALL_TOTAL, "EUR",
                RESERVATION_ID, PAYMENT_ID, null, null));
        assertOnlyTheOrderWasCreated(workflow);
        SearchAttributes attributes = WorkflowStub.fromTyped(workflow).describe().getTypedSearchAttributes();
        assertThat(attributes.get(OrderSearchAttributes.ORDER_STATUS)).isEqualTo("CONFIRMED");
        assertThat(attributes.get(OrderSearchAttributes.ORDER_TOTAL_CENTS)).isEqualTo(SMALL_TOTAL);
    }

    @Test
    void orderCancelledByAnEarlierRunIsReturnedAsItStandsAndNeverCompensatedAgain() {
        when(orders.createOrder(placeOrder)).thenReturn(new RecordedOrder(OrderStatus.CANCELLED,
                "Only 1 of COF-ESPRESSO-250 left, 2 requested", null, null, null, null));
        OrderWorkflow workflow = newWorkflow();

        OrderOutcome outcome = workflow.placeOrder(placeOrder);

        assertThat(outcome).isEqualTo(new OrderOutcome(orderId, OrderStatus.CANCELLED, 0, null, null, null,
                "Only 1 of COF-ESPRESSO-250 left, 2 requested", OrderFailureTypes.ALREADY_CANCELLED));
        assertOnlyTheOrderWasCreated(workflow);
        assertThat(workflow.sagaState().cancelReason()).isEqualTo("Only 1 of COF-ESPRESSO-250 left, 2 requested");
    }

    private OrderWorkflow newWorkflow() {
        return testEnvironment.getWorkflowClient()
            .newWorkflowStub(OrderWorkflow.class,
                    WorkflowOptions.newBuilder()
                        .setTaskQueue(OrderWorkflows.TASK_QUEUE)
                        .setWorkflowId(OrderWorkflows.workflowId(orderId))
                        .build());
    }

    private static OrderOutcome resultOf(OrderWorkflow workflow) {
        return WorkflowStub.fromTyped(workflow).getResult(OrderOutcome.class);
    }

    private void stockIsReservedFor(long totalCents) {
        when(inventory.reserveStock(eq(orderId), any())).thenReturn(new Reservation(RESERVATION_ID, totalCents, "EUR"));
    }

    private void customerCheckFails(String type, String message) {
        doThrow(ApplicationFailure.newNonRetryableFailure(message, type)).when(customers)
            .checkCustomer(any(), anyLong(), any());
    }

    private void customerCheckBlocksUntilReleased() {
        doAnswer(invocation -> {
            activityRunning.countDown();
            activityMayFinish.await(INTERACTION_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return null;
        }).when(customers).checkCustomer(any(), anyLong(), any());
    }

    private void notificationBlocksUntilReleased(NotificationKind kind) {
        doAnswer(invocation -> {
            activityRunning.countDown();
            activityMayFinish.await(INTERACTION_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return null;
        }).when(notifications).notifyShopper(any(), argThat(notification -> notification.kind() == kind));
    }

    private static Notification ofKind(NotificationKind kind) {
        return argThat(notification -> notification.kind() == kind);
    }

    /**
     * The wait's deadline as the shopper reads it: the workflow's time when the timer
     * started (the start of that workflow task), plus the approval timeout.
     */
    private String approvalDeadline() {
        List<HistoryEvent> events = history();
        HistoryEvent taskStarted = null;
        for (HistoryEvent event : events) {
            if (event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED) {
                taskStarted = event;
            }
            if (event.hasTimerStartedEventAttributes()) {
                break;
            }
        }
        assertThat(taskStarted).isNotNull();
        Instant deadline = Instant.ofEpochMilli(Timestamps.toMillis(taskStarted.getEventTime()))
            .plus(TestSagaProperties.APPROVAL_TIMEOUT);
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC)
            .format(deadline);
    }

    /** The change ids of the version markers in the run's history. */
    private List<String> versionMarkers() {
        return history().stream()
            .filter(HistoryEvent::hasMarkerRecordedEventAttributes)
            .map(HistoryEvent::getMarkerRecordedEventAttributes)
            .filter(marker -> marker.getDetailsMap().containsKey("changeId"))
            .map(marker -> DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(0,
                    Optional.of(marker.getDetailsMap().get("changeId")), String.class, String.class))
            .toList();
    }

    private List<HistoryEvent> history() {
        return testEnvironment.getWorkflowClient().fetchHistory(OrderWorkflows.workflowId(orderId)).getEvents();
    }

    /**
     * Nothing after the create ran, nothing was undone, and the shopper was not told
     * again.
     */
    private void assertOnlyTheOrderWasCreated(OrderWorkflow workflow) {
        verify(orders).createOrder(placeOrder);
        verifyNoMoreInteractions(orders, inventory, customers, payments, notifications);
        assertThat(statuses(workflow.sagaState())).containsExactly(entry(SagaStep.CREATE_ORDER, StepStatus.DONE),
                entry(SagaStep.RESERVE_STOCK, StepStatus.SKIPPED), entry(SagaStep.CHECK_CUSTOMER, StepStatus.SKIPPED),
                entry(SagaStep.AWAIT_APPROVAL, StepStatus.SKIPPED), entry(SagaStep.CHARGE_PAYMENT, StepStatus.SKIPPED),
                entry(SagaStep.CONFIRM_ORDER, StepStatus.SKIPPED), entry(SagaStep.NOTIFY_SHOPPER, StepStatus.SKIPPED));
    }

    private void awaitActivityRunning() {
        try {
            assertThat(activityRunning.await(INTERACTION_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The run has asked to cancel the activity in flight. Only then may the activity
     * finish: the time-skipping test server wedges a run that cancels an activity in the
     * same workflow task as the activity completes (temporalio/sdk-java#2391), which the
     * real server handles.
     */
    private void awaitActivityCancelRequested() {
        await().atMost(INTERACTION_TIMEOUT)
            .until(() -> testEnvironment.getWorkflowClient()
                .fetchHistory(OrderWorkflows.workflowId(orderId))
                .getEvents()
                .stream()
                .anyMatch(HistoryEvent::hasActivityTaskCancelRequestedEventAttributes));
    }

    private static void awaitOrderStatus(OrderWorkflow workflow, OrderStatus status) {
        await().atMost(INTERACTION_TIMEOUT).until(() -> workflow.sagaState().orderStatus() == status);
    }

    private static ApplicationFailure processorUnavailable() {
        return ApplicationFailure.newFailure("The payment processor is unavailable", "processor-unavailable");
    }

    private void assertCancelled(OrderOutcome outcome, String failureType, String reason) {
        assertThat(outcome.orderId()).isEqualTo(orderId);
        assertThat(outcome.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(outcome.failureType()).isEqualTo(failureType);
        assertThat(outcome.cancelReason()).isEqualTo(reason);
        verify(notifications).notifyShopper(eq(orderId),
                argThat(notification -> notification.kind() == NotificationKind.ORDER_CANCELLED
                        && notification.message().endsWith(reason)));
        verify(notifications, never()).notifyShopper(any(),
                argThat(notification -> notification.kind() == NotificationKind.ORDER_CONFIRMED));
    }

    private void verifyStockReleasedThenOrderCancelled(String reason) {
        InOrder undo = inOrder(inventory, orders, notifications);
        undo.verify(inventory).releaseReservation(orderId);
        undo.verify(orders).cancelOrder(orderId, reason);
        undo.verify(notifications)
            .notifyShopper(eq(orderId),
                    argThat(notification -> notification.kind() == NotificationKind.ORDER_CANCELLED));
        verify(orders, never()).confirmOrder(any(), any());
    }

    private void verifyNeverCharged() {
        verify(payments, never()).chargePayment(any(), any());
        verify(payments, never()).refundPayment(any());
    }

    private void verifyNothingCompensated() {
        verify(payments, never()).refundPayment(any());
        verify(inventory, never()).releaseReservation(any());
        verify(orders, never()).cancelOrder(any(), any());
    }

    private String shortId() {
        return orderId.toString().substring(0, 8);
    }

    private static Map<SagaStep, StepStatus> statuses(SagaState state) {
        return state.steps()
            .stream()
            .collect(Collectors.toMap(SagaStepState::step, SagaStepState::status, (first, second) -> first,
                    LinkedHashMap::new));
    }

    private List<String> activitySummaries() {
        return testEnvironment.getWorkflowClient()
            .fetchHistory(OrderWorkflows.workflowId(orderId))
            .getEvents()
            .stream()
            .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
            .map(event -> DefaultDataConverter.STANDARD_INSTANCE.fromPayload(event.getUserMetadata().getSummary(),
                    String.class, String.class))
            .toList();
    }

    /**
     * Answers a change's {@code Workflow.getVersion} as for a run whose history has no
     * marker of it: a run that started on the code before the change and is now carried
     * on by this worker. No marker is recorded, as none is in such a history.
     */
    private static final class StartedBeforeTheChange extends WorkerInterceptorBase {

        private volatile String changeId;

        void pretend(String beforeChange) {
            this.changeId = beforeChange;
        }

        @Override
        public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
            return new WorkflowInboundCallsInterceptorBase(next) {

                @Override
                public void init(WorkflowOutboundCallsInterceptor outboundCalls) {
                    super.init(new WorkflowOutboundCallsInterceptorBase(outboundCalls) {

                        @Override
                        public int getVersion(String change, int minSupported, int maxSupported) {
                            return change.equals(changeId) ? Workflow.DEFAULT_VERSION
                                    : super.getVersion(change, minSupported, maxSupported);
                        }

                    });
                }

            };
        }

    }

    /**
     * Delivers a second update right after the first one's handler, in the same workflow
     * task, as the SDK does with updates the server hands over together (an operator's
     * approve and a shopper's cancel sent at the same moment): its validator and handler
     * run before the workflow's own code resumes.
     */
    private static final class SameTaskUpdate extends WorkerInterceptorBase {

        private volatile String after;

        private volatile String name;

        private volatile Object argument;

        private final AtomicReference<String> refusal = new AtomicReference<>();

        void deliverAfter(String first, String second, Object secondArgument) {
            this.name = second;
            this.argument = secondArgument;
            this.after = first;
        }

        String refusal() {
            return refusal.get();
        }

        @Override
        public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
            return new WorkflowInboundCallsInterceptorBase(next) {

                @Override
                public UpdateOutput executeUpdate(UpdateInput input) {
                    UpdateOutput output = super.executeUpdate(input);
                    if (input.getUpdateName().equals(after) && !Workflow.isReplaying()) {
                        after = null;
                        UpdateInput second = new UpdateInput(name, input.getHeader(), new Object[] { argument });
                        try {
                            super.validateUpdate(second);
                            super.executeUpdate(second);
                        }
                        catch (RuntimeException refused) {
                            refusal.set(refused.getMessage());
                        }
                    }
                    return output;
                }

            };
        }

    }

}
