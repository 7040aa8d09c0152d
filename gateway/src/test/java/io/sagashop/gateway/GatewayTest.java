package io.sagashop.gateway;

import java.time.Duration;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.sagashop.testsupport.security.SignedByTestIssuer;
import io.sagashop.testsupport.security.TestIssuer;
import io.sagashop.testsupport.security.TestIssuer.Person;

/**
 * The gateway as it runs, against Temporal's test server (with
 * {@link ScriptedOrderWorkflow} on a worker), stub services behind its routes and the
 * test issuer, whose tokens callers send and at whose sign-in page browsers sign in.
 * Every test class extends this one, so they all share one application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // The scripted payment fails on purpose, again and again; its retries are not
        // news.
        properties = "logging.level.io.temporal.internal.activity=ERROR")
@AutoConfigureWebTestClient(timeout = "30s")
@SignedByTestIssuer
public abstract class GatewayTest {

    public static final String ORDER_ID_SECRET = "the-gateway-tests-order-id-secret-of-48-bytes-xx";

    protected static final TestIssuer issuer = TestIssuer.shared();

    public static final String TEMPORAL_UI = "http://temporal-ui.test";

    public static final Duration ORDER_SERVICE_TIMEOUT = Duration.ofSeconds(1);

    protected static final TemporalTestServer temporal = TemporalTestServer.get();

    protected static final StubService inventoryService = StubService.start("inventory");

    protected static final StubService orderService = StubService.start("order");

    protected static final StubService notificationService = StubService.start("notification");

    protected static final StubService paymentService = StubService.start("payment");

    @Autowired
    protected WebTestClient client;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("sagashop.gateway.temporal.address", temporal::address);
        registry.add("sagashop.gateway.temporal.namespace", () -> TemporalTestServer.NAMESPACE);
        registry.add("sagashop.gateway.temporal.ui-url", () -> TEMPORAL_UI);
        registry.add("sagashop.gateway.services.inventory-url", inventoryService::url);
        registry.add("sagashop.gateway.services.order-url", orderService::url);
        registry.add("sagashop.gateway.services.notification-url", notificationService::url);
        registry.add("sagashop.gateway.services.payment-url", paymentService::url);
        // Short, so that a test can outwait it; the stubs answer at once otherwise.
        registry.add("sagashop.gateway.services.response-timeout", () -> ORDER_SERVICE_TIMEOUT.toMillis() + "ms");
        registry.add("sagashop.gateway.order-ids.secret", () -> ORDER_ID_SECRET);
        registry.add("spring.security.oauth2.client.registration.sagashop.client-secret",
                () -> TestIssuer.GATEWAY_CLIENT_SECRET);
    }

    /** The {@code Authorization} header of a shopper's API client. */
    protected static String shopper(UUID customerId) {
        return TestIssuer.bearer(issuer.shopper(customerId));
    }

    /** The {@code Authorization} header of an operator's console. */
    protected static String operator(String name) {
        return TestIssuer.bearer(
                issuer.accessToken(new Person(TestIssuer.OPERATOR_SUBJECT, name, "operator@example.com", "OPERATOR"))
                    .signed());
    }

    protected WebTestClient.ResponseSpec placeOrder(UUID customerId, String idempotencyKey, String body) {
        return client.post()
            .uri("/api/orders")
            .header(HttpHeaders.AUTHORIZATION, shopper(customerId))
            .header("Idempotency-Key", idempotencyKey)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange();
    }

    protected static String order(String paymentToken, String... skuAndQuantity) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            if (!lines.isEmpty()) {
                lines.append(',');
            }
            lines.append("{\"sku\":\"")
                .append(skuAndQuantity[i])
                .append("\",\"quantity\":")
                .append(skuAndQuantity[i + 1])
                .append('}');
        }
        return "{\"lines\":[" + lines + "],\"paymentToken\":\"" + paymentToken + "\"}";
    }

    protected static String newKey() {
        return "key-" + UUID.randomUUID();
    }

}
