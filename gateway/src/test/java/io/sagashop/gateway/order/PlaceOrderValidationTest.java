package io.sagashop.gateway.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.sagashop.contracts.order.OrderWorkflows;
import io.sagashop.gateway.GatewayTest;
import io.sagashop.testsupport.security.TestIssuer;
import io.temporal.client.WorkflowNotFoundException;
import reactor.core.publisher.Flux;

/**
 * Every rule on what a shopper sends, and on who sends it, is checked before any workflow
 * starts: a refused order starts nothing.
 */
class PlaceOrderValidationTest extends GatewayTest {

    private static final String VALID = order("tok_visa", "COF-ESPRESSO-250", "2");

    private final UUID customerId = UUID.randomUUID();

    private final String key = newKey();

    @Autowired
    OrderIds orderIds;

    private int runsBefore;

    @BeforeEach
    void countRuns() {
        runsBefore = temporal.runCount();
    }

    @AfterEach
    void noWorkflowStarted() {
        assertThat(temporal.runCount()).as("runs after a refused order").isEqualTo(runsBefore);
        String workflowId = OrderWorkflows.workflowId(orderIds.of(customerId, key));
        assertThatThrownBy(() -> temporal.describe(workflowId)).isInstanceOf(WorkflowNotFoundException.class);
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(Arguments.of("empty cart", "{\"lines\":[],\"paymentToken\":\"tok_visa\"}", "lines"),
                Arguments.of("no lines", "{\"paymentToken\":\"tok_visa\"}", "lines"),
                Arguments.of("51 lines", order("tok_visa", lines(51)), "lines"),
                Arguments.of("quantity 0", order("tok_visa", "COF-ESPRESSO-250", "0"), "lines[0].quantity"),
                Arguments.of("quantity 101", order("tok_visa", "COF-ESPRESSO-250", "101"), "lines[0].quantity"),
                Arguments.of("quantity missing", "{\"lines\":[{\"sku\":\"COF-1\"}],\"paymentToken\":\"tok_visa\"}",
                        "lines[0].quantity"),
                Arguments.of("quantity not a number", order("tok_visa", "COF-ESPRESSO-250", "\"two\""),
                        "lines[0].quantity"),
                Arguments.of("fractional quantity", order("tok_visa", "COF-ESPRESSO-250", "2.9"), "lines[0].quantity"),
                Arguments.of("quantity with a fraction of zero", order("tok_visa", "COF-ESPRESSO-250", "2.0"),
                        "lines[0].quantity"),
                Arguments.of("lower-case SKU", order("tok_visa", "cof-espresso-250", "1"), "lines[0].sku"),
                Arguments.of("SKU with a double hyphen", order("tok_visa", "COF--250", "1"), "lines[0].sku"),
                Arguments.of("SKU too short", order("tok_visa", "CO", "1"), "lines[0].sku"),
                Arguments.of("SKU too long", order("tok_visa", "C".repeat(33), "1"), "lines[0].sku"),
                Arguments.of("SKU twice", order("tok_visa", "COF-1", "1", "COF-1", "2"), "lines[1].sku"),
                Arguments.of("payment token with a space", order("tok visa", "COF-1", "1"), "paymentToken"),
                Arguments.of("payment token with punctuation", order("tok_visa;drop", "COF-1", "1"), "paymentToken"),
                Arguments.of("payment token with a non-ASCII letter", order("tök_visa", "COF-1", "1"), "paymentToken"),
                Arguments.of("payment token ending in a line break", order("tok_visa\\n", "COF-1", "1"),
                        "paymentToken"),
                Arguments.of("empty payment token", order("", "COF-1", "1"), "paymentToken"),
                Arguments.of("payment token of 256 characters", order("t".repeat(256), "COF-1", "1"), "paymentToken"),
                Arguments.of("no payment token", "{\"lines\":[{\"sku\":\"COF-1\",\"quantity\":1}]}", "paymentToken"),
                Arguments.of("a client price",
                        "{\"lines\":[{\"sku\":\"COF-1\",\"quantity\":1,\"price\":1}],\"paymentToken\":\"tok_visa\"}",
                        "lines[0].price"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void refusesAnInvalidOrderNamingTheField(String rule, String body, String field) {
        placeOrder(customerId, key, body).expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:invalid-request")
            .jsonPath("$.instance")
            .isEqualTo("/api/orders")
            .jsonPath("$.errors.length()")
            .isEqualTo(1)
            .jsonPath("$.errors[0].field")
            .isEqualTo(field);
    }

    static Stream<Arguments> lenientBodies() {
        return Stream.of(
                Arguments.of("quantity in quotes", order("tok_visa", "COF-ESPRESSO-250", "\"2\""), "lines[0].quantity",
                        "must be a whole number"),
                Arguments.of("SKU as a number",
                        "{\"lines\":[{\"sku\":123,\"quantity\":2}],\"paymentToken\":\"tok_visa\"}", "lines[0].sku",
                        "must be a string"),
                Arguments.of("payment token as a boolean",
                        "{\"lines\":[{\"sku\":\"COF-1\",\"quantity\":2}],\"paymentToken\":true}", "paymentToken",
                        "must be a string"),
                Arguments.of("payment token twice",
                        "{\"lines\":[{\"sku\":\"COF-1\",\"quantity\":2}],"
                                + "\"paymentToken\":\"tok_visa\",\"paymentToken\":\"tok_declined\"}",
                        "paymentToken", "is given more than once"),
                Arguments.of("quantity twice in a line",
                        "{\"lines\":[{\"sku\":\"COF-1\",\"quantity\":1},"
                                + "{\"sku\":\"COF-2\",\"quantity\":1,\"quantity\":9}],\"paymentToken\":\"tok_visa\"}",
                        "lines[1].quantity", "is given more than once"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lenientBodies")
    void refusesWhatAStrictReaderWouldNotReadNamingTheFieldAndTheReason(String rule, String body, String field,
            String reason) {
        placeOrder(customerId, key, body).expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:invalid-request")
            .jsonPath("$.errors.length()")
            .isEqualTo(1)
            .jsonPath("$.errors[0].field")
            .isEqualTo(field)
            .jsonPath("$.errors[0].reason")
            .isEqualTo(reason);
    }

    @Test
    void refusesAMalformedPaymentTokenSayingWhatATokenLooksLike() {
        placeOrder(customerId, key, order("tok_visa!", "COF-1", "1")).expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:invalid-request")
            .jsonPath("$.errors[0].field")
            .isEqualTo("paymentToken")
            .jsonPath("$.errors[0].reason")
            .isEqualTo("must be 1 to 255 letters, digits, '_' or '-', like tok_visa or pm_1PqRsT2eZvKYlo2C")
            .jsonPath("$.detail")
            .value(String.class, detail -> assertThat(detail).contains("paymentToken"));
    }

    @Test
    void refusesAFractionalQuantityInsteadOfTruncatingIt() {
        placeOrder(customerId, key, order("tok_visa", "COF-ESPRESSO-250", "2.9")).expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:invalid-request")
            .jsonPath("$.errors[0].field")
            .isEqualTo("lines[0].quantity")
            .jsonPath("$.errors[0].reason")
            .isEqualTo("must be a whole number");
    }

    @Test
    void refusesMalformedJson() {
        placeOrder(customerId, key, "{\"lines\": [").expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:malformed-request")
            .jsonPath("$.errors[0].field")
            .isEqualTo("body");
    }

    static Stream<Arguments> unreadableBodies() {
        return Stream.of(
                Arguments.of("content after the object", VALID + "{}",
                        "Request body is not valid JSON: unexpected content after the object"),
                Arguments.of("a body cut short", "{\"lines\": [",
                        "Request body is not valid JSON: it ends before the JSON is complete"),
                Arguments.of("a stray character", "{\"lines\": [}",
                        "Request body is not valid JSON: unexpected character at line 1, column 12"),
                Arguments.of("an array for the order", "[" + VALID + "]", "Request body must be a JSON object"),
                Arguments.of("a number with too many digits", order("tok_visa", "COF-1", "1".repeat(1001)),
                        "Request body is not valid JSON: a number has more digits than allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableBodies")
    void describesAnUnreadableBodyInTheRequestsTerms(String rule, String body, String detail) {
        placeOrder(customerId, key, body).expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:malformed-request")
            .jsonPath("$.detail")
            .isEqualTo(detail)
            .jsonPath("$.errors[0].field")
            .isEqualTo("body");
    }

    @Test
    void namesAValueOfTheWrongShapeByItsFieldNotItsJavaType() {
        placeOrder(customerId, key, "{\"lines\":[1],\"paymentToken\":\"tok_visa\"}").expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:invalid-request")
            .jsonPath("$.detail")
            .isEqualTo("lines[0] must be an object");
        placeOrder(customerId, key, order("tok_visa", "COF-ESPRESSO-250", "99999999999")).expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:invalid-request")
            .jsonPath("$.detail")
            .isEqualTo("lines[0].quantity is out of range");
    }

    @Test
    void refusesABodyWithoutContentTypeSayingWhatToSend() {
        client.post()
            .uri("/api/orders")
            .header(HttpHeaders.AUTHORIZATION, shopper(customerId))
            .header("Idempotency-Key", key)
            .bodyValue(VALID.getBytes(StandardCharsets.UTF_8))
            .exchange()
            .expectStatus()
            .isEqualTo(415)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:unsupported-media-type")
            .jsonPath("$.title")
            .isEqualTo("Unsupported media type")
            .jsonPath("$.detail")
            .isEqualTo("Content-Type is missing: the body must be application/json");
    }

    @Test
    void refusesAMissingBody() {
        client.post()
            .uri("/api/orders")
            .header(HttpHeaders.AUTHORIZATION, shopper(customerId))
            .header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON)
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("body");
    }

    @Test
    void refusesAMissingIdempotencyKey() {
        client.post()
            .uri("/api/orders")
            .header(HttpHeaders.AUTHORIZATION, shopper(customerId))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(VALID)
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:invalid-request")
            .jsonPath("$.errors[0].field")
            .isEqualTo("Idempotency-Key")
            .jsonPath("$.errors[0].reason")
            .isEqualTo("is required");
    }

    @Test
    void refusesAnIdempotencyKeyOutsideTheAlphabet() {
        placeOrder(customerId, "key with spaces", VALID).expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("Idempotency-Key");
        placeOrder(customerId, "k".repeat(101), VALID).expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("Idempotency-Key");
    }

    @Test
    void refusesACallWithoutAToken() {
        client.post()
            .uri("/api/orders")
            .header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(VALID)
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:unauthorized");
    }

    /**
     * A client's own token (client credentials, subject the client id, no roles) for the
     * gateway acts for no shopper.
     */
    @Test
    void refusesAClientThatActsForNoShopper() {
        String clientToken = issuer.token().subject("shop-batch-importer").audiences("gateway").scopes("saga").signed();

        client.post()
            .uri("/api/orders")
            .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(clientToken))
            .header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(VALID)
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:forbidden")
            .jsonPath("$.detail")
            .isEqualTo("The access token does not allow this call");
    }

    /** The worker's token is for the services only: the gateway is not its audience. */
    @Test
    void refusesTheWorkersToken() {
        client.post()
            .uri("/api/orders")
            .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(issuer.worker()))
            .header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(VALID)
            .exchange()
            .expectStatus()
            .isUnauthorized();
    }

    @Test
    void refusesAShopperWhoseSubjectIsNoCustomerId() {
        for (String notAUuid : new String[] { "ada", "1-1-1-1-1" }) {
            String token = issuer.token()
                .subject(notAUuid)
                .audiences(TestIssuer.PERSON_AUDIENCES)
                .scopes("openid", "profile", "shop")
                .roles("SHOPPER")
                .signed();
            client.post()
                .uri("/api/orders")
                .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(token))
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(VALID)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:sagashop:problem:forbidden");
        }
    }

    @Test
    void refusesABodyOverTheLimit() {
        placeOrder(customerId, key, oversized()).expectStatus()
            .isEqualTo(413)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:request-too-large")
            .jsonPath("$.limitBytes")
            .isEqualTo(65536);
    }

    @Test
    void refusesAChunkedBodyOverTheLimitWhileReadingIt() {
        byte[] body = oversized().getBytes(StandardCharsets.UTF_8);
        Flux<DataBuffer> chunks = Flux.range(0, body.length / 4096 + 1)
            .map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap(Arrays.copyOfRange(body, i * 4096, Math.min(body.length, (i + 1) * 4096))));
        WebTestClient.ResponseSpec response = client.post()
            .uri("/api/orders")
            .header(HttpHeaders.AUTHORIZATION, shopper(customerId))
            .header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON)
            .body(chunks, DataBuffer.class)
            .exchange();

        response.expectStatus()
            .isEqualTo(413)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:request-too-large");
    }

    private static String[] lines(int count) {
        return IntStream.range(0, count)
            .mapToObj(i -> new String[] { "SKU-" + i, "1" })
            .flatMap(Stream::of)
            .toArray(String[]::new);
    }

    private static String oversized() {
        String line = ",{\"sku\":\"COF-ESPRESSO-250\",\"quantity\":1}";
        return "{\"paymentToken\":\"tok_visa\",\"lines\":[{\"sku\":\"COF-1\",\"quantity\":1}"
                + IntStream.range(0, 70_000 / line.length()).mapToObj(i -> line).collect(Collectors.joining()) + "]}";
    }

}
