package io.sagashop.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.contracts.order.OrderLine;
import io.sagashop.contracts.order.OrderOutcome;
import io.sagashop.contracts.order.OrderSearchAttributes;
import io.sagashop.contracts.order.OrderStatus;
import io.sagashop.contracts.order.OrderWorkflow;
import io.sagashop.contracts.order.OrderWorkflows;
import io.sagashop.contracts.order.PlaceOrder;
import io.sagashop.testsupport.security.TestIssuer;
import io.sagashop.worker.http.StubServer;
import io.sagashop.worker.saga.SagaProperties;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application as it starts: configuration bound from application.yml, the workflow
 * and activities registered by the Temporal starter (on its in-process test server), and
 * a whole saga over HTTP against stand-in services.
 */
@SpringBootTest(properties = "spring.temporal.test-server.enabled=true")
class OrderWorkflowWorkerApplicationTest {

    private static final StubServer services = StubServer.start();

    @Autowired
    private WorkflowClient workflowClient;

    @Autowired
    private TestWorkflowEnvironment testEnvironment;

    @Autowired
    private SagaProperties sagaProperties;

    @DynamicPropertySource
    static void everyServiceAtTheStub(DynamicPropertyRegistry registry) {
        for (String service : List.of("customer", "inventory", "order", "payment", "notification")) {
            registry.add("sagashop.worker.services." + service + ".base-url", () -> services.baseUrl().toString());
        }
        registry.add("spring.security.oauth2.client.provider.sagashop.token-uri", TestIssuer.shared()::tokenUri);
        registry.add("SAGASHOP_WORKER_CLIENT_SECRET", () -> "test-secret");
    }

    @AfterAll
    static void stopServices() {
        services.close();
    }

    @BeforeEach
    void registerSearchAttributes() {
        for (SearchAttributeKey<?> key : List.of(OrderSearchAttributes.CUSTOMER_ID, OrderSearchAttributes.ORDER_STATUS,
                OrderSearchAttributes.ORDER_TOTAL_CENTS)) {
            testEnvironment.registerSearchAttribute(key.getName(), key.getValueType());
        }
    }

    @Test
    void bindsTheSagaConfiguration() {
        assertThat(sagaProperties.approval().thresholdCents()).isEqualTo(100_000);
        assertThat(sagaProperties.approval().timeout()).isEqualTo(Duration.ofHours(24));
        assertThat(sagaProperties.activities().chargePayment().scheduleToClose()).isEqualTo(Duration.ofSeconds(30));
        assertThat(sagaProperties.activities().confirmOrder().scheduleToClose()).isNull();
        assertThat(sagaProperties.activities().compensate().maximumAttempts()).isZero();
    }

    @Test
    void runsAWholeSagaAgainstTheServicesOverHttp() {
        UUID orderId = UUID.randomUUID();
        UUID customerId = UUID.fromString("c1000000-0000-4000-8000-000000000001");
        UUID reservationId = UUID.randomUUID();
        UUID paymentId = UUID.randomUUID();
        services.answer("PUT", "/api/orders/" + orderId, 201, """
                {"orderId":"%s","customerId":"%s","status":"PENDING"}""".formatted(orderId, customerId))
            .answer("PUT", "/api/reservations/" + orderId, 201,
                    """
                            {"reservationId":"%s","orderId":"%s","status":"RESERVED","totalCents":2380,"currency":"EUR"}"""
                        .formatted(reservationId, orderId))
            .answer("POST", "/api/customers/" + customerId + "/order-checks", 200,
                    """
                            {"customerId":"%s","amountCents":2380,"creditLimitCents":500000,"approved":true}"""
                        .formatted(customerId))
            .answer("PUT", "/api/payments/" + orderId, 201,
                    """
                            {"paymentId":"%s","orderId":"%s","status":"CAPTURED","amountCents":2380,"currency":"EUR"}"""
                        .formatted(paymentId, orderId))
            .answer("POST", "/api/orders/" + orderId + "/confirm", 200, """
                    {"orderId":"%s","status":"CONFIRMED"}""".formatted(orderId))
            .answer("PUT", "/api/notifications/" + orderId + "/ORDER_CONFIRMED", 201, """
                    {"notificationId":"%s","kind":"ORDER_CONFIRMED","channel":"IN_APP"}"""
                .formatted(UUID.randomUUID()));
        OrderWorkflow workflow = workflowClient.newWorkflowStub(OrderWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(OrderWorkflows.TASK_QUEUE)
                    .setWorkflowId(OrderWorkflows.workflowId(orderId))
                    .build());

        OrderOutcome outcome = workflow
            .placeOrder(new PlaceOrder(orderId, customerId, List.of(new OrderLine("COF-ESPRESSO-250", 2)), "tok_visa"));

        assertThat(outcome).isEqualTo(
                new OrderOutcome(orderId, OrderStatus.CONFIRMED, 2380, "EUR", reservationId, paymentId, null, null));
        assertThat(services.requests())
            .filteredOn(request -> request.path().contains(orderId.toString())
                    || request.path().contains(customerId.toString()))
            .extracting(request -> request.method() + " " + request.path())
            .containsExactly("PUT /api/orders/" + orderId, "PUT /api/reservations/" + orderId,
                    "POST /api/customers/" + customerId + "/order-checks", "PUT /api/payments/" + orderId,
                    "POST /api/orders/" + orderId + "/confirm",
                    "PUT /api/notifications/" + orderId + "/ORDER_CONFIRMED");
        // Every call carries the worker's own token, fetched by client credentials.
        assertThat(services.requests()).extracting(StubServer.RecordedRequest::authorization)
            .allSatisfy(authorization -> assertThat(authorization).startsWith("Bearer ey"));
        String token = services.requests().getFirst().authorization().substring("Bearer ".length());
        Jwt jwt = NimbusJwtDecoder.withJwkSetUri(TestIssuer.shared().jwkSetUri()).build().decode(token);
        assertThat(jwt.getClaimAsString("scope")).isEqualTo("saga");
        assertThat(jwt.getAudience()).containsExactlyInAnyOrderElementsOf(TestIssuer.SERVICES);
    }

}
