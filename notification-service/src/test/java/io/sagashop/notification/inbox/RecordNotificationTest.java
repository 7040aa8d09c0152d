package io.sagashop.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.BodyContentSpec;

import io.sagashop.testsupport.service.ServiceApplicationTest;

@ServiceApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class RecordNotificationTest {

    private static final String NOTIFICATION = "/api/notifications/{orderId}/{kind}";

    private static final String PROBLEM = "urn:sagashop:problem:";

    private final RestTestClient client;

    private final JdbcClient jdbc;

    RecordNotificationTest(@Autowired RestTestClient client, @Autowired JdbcClient jdbc) {
        this.client = client;
        this.jdbc = jdbc;
    }

    @Test
    void recordsNotificationAndSendsItOnce(CapturedOutput output) {
        UUID orderId = UUID.randomUUID();
        UUID customerId = UUID.randomUUID();

        EntityExchangeResult<NotificationResponse> result = client.put()
            .uri(NOTIFICATION, orderId, "ORDER_CONFIRMED")
            .body(body(customerId, "EMAIL", "Your order is confirmed"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectHeader()
            .location("/api/notifications/" + orderId + "/ORDER_CONFIRMED")
            .expectBody(NotificationResponse.class)
            .returnResult();

        NotificationResponse notification = result.getResponseBody();
        assertThat(notification.notificationId()).isNotNull();
        assertThat(notification.orderId()).isEqualTo(orderId);
        assertThat(notification.customerId()).isEqualTo(customerId);
        assertThat(notification.kind()).isEqualTo(NotificationKind.ORDER_CONFIRMED);
        assertThat(notification.channel()).isEqualTo(NotificationChannel.EMAIL);
        assertThat(notification.message()).isEqualTo("Your order is confirmed");
        assertThat(notification.createdAt()).isNotNull();
        assertThat(notification.deliveredAt()).as("logging proves no delivery").isNull();
        assertThat(rowsOf(orderId)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE id = ? AND delivered_at IS NULL")
            .param(notification.notificationId())
            .query(Long.class)
            .single()).isEqualTo(1);
        assertThat(timesSent(output, notification)).isEqualTo(1);
    }

    @Test
    void readsRecordedNotification() {
        UUID orderId = UUID.randomUUID();
        NotificationResponse recorded = record(orderId, "APPROVAL_PENDING",
                body(UUID.randomUUID(), "IN_APP", "Waiting"));

        client.get()
            .uri(NOTIFICATION, orderId, "APPROVAL_PENDING")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(NotificationResponse.class)
            .isEqualTo(recorded);
    }

    @Test
    void unknownNotificationIsNotFound() {
        UUID orderId = UUID.randomUUID();

        expectProblem(client.get().uri(NOTIFICATION, orderId, "ORDER_CANCELLED").exchange().expectStatus().isNotFound(),
                "notification-not-found")
            .jsonPath("$.id")
            .isEqualTo(orderId + "/ORDER_CANCELLED");
    }

    @Test
    void replayReturnsFirstResultAndAddsNoRow(CapturedOutput output) {
        UUID orderId = UUID.randomUUID();
        Map<String, Object> request = body(UUID.randomUUID(), "IN_APP", "Your order was cancelled: out of stock");
        NotificationResponse first = record(orderId, "ORDER_CANCELLED", request);

        client.put()
            .uri(NOTIFICATION, orderId, "ORDER_CANCELLED")
            .body(request)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(NotificationResponse.class)
            .isEqualTo(first);

        assertThat(rowsOf(orderId)).isEqualTo(1);
        assertThat(timesSent(output, first)).as("a replay sends nothing").isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "customerId", "channel", "message" })
    void otherPayloadForSameOrderAndKindIsAConflict(String changedField) {
        UUID orderId = UUID.randomUUID();
        Map<String, Object> first = body(UUID.randomUUID(), "EMAIL", "Your order is confirmed");
        NotificationResponse recorded = record(orderId, "ORDER_CONFIRMED", first);
        Map<String, Object> other = new HashMap<>(first);
        other.put(changedField, switch (changedField) {
            case "customerId" -> UUID.randomUUID();
            case "channel" -> "IN_APP";
            default -> "Something else";
        });

        expectProblem(client.put()
            .uri(NOTIFICATION, orderId, "ORDER_CONFIRMED")
            .body(other)
            .exchange()
            .expectStatus()
            .isEqualTo(HttpStatus.CONFLICT), "idempotency-conflict").jsonPath("$.key")
            .isEqualTo(orderId + "/ORDER_CONFIRMED");

        assertThat(rowsOf(orderId)).isEqualTo(1);
        client.get()
            .uri(NOTIFICATION, orderId, "ORDER_CONFIRMED")
            .exchange()
            .expectBody(NotificationResponse.class)
            .isEqualTo(recorded);
    }

    @Test
    void recordsOneNotificationPerKindOfAnOrder() {
        UUID orderId = UUID.randomUUID();
        UUID customerId = UUID.randomUUID();

        record(orderId, "APPROVAL_PENDING", body(customerId, "IN_APP", "Your order awaits approval"));
        record(orderId, "ORDER_CONFIRMED", body(customerId, "IN_APP", "Your order is confirmed"));

        assertThat(rowsOf(orderId)).isEqualTo(2);
    }

    @Test
    void parallelIdenticalRequestsRecordOneNotification(CapturedOutput output) throws Exception {
        UUID orderId = UUID.randomUUID();
        Map<String, Object> request = body(UUID.randomUUID(), "EMAIL", "Your order is confirmed");
        int parallel = 10;
        CountDownLatch start = new CountDownLatch(1);
        Callable<EntityExchangeResult<NotificationResponse>> put = () -> {
            start.await();
            return client.put()
                .uri(NOTIFICATION, orderId, "ORDER_CONFIRMED")
                .body(request)
                .exchange()
                .returnResult(NotificationResponse.class);
        };

        List<EntityExchangeResult<NotificationResponse>> results = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(parallel)) {
            List<Future<EntityExchangeResult<NotificationResponse>>> futures = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                futures.add(executor.submit(put));
            }
            start.countDown();
            for (Future<EntityExchangeResult<NotificationResponse>> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
        }

        assertThat(results).extracting(EntityExchangeResult::getStatus)
            .containsOnly(HttpStatus.CREATED, HttpStatus.OK)
            .filteredOn(HttpStatus.CREATED::equals)
            .hasSize(1);
        NotificationResponse first = results.getFirst().getResponseBody();
        assertThat(results).extracting(EntityExchangeResult::getResponseBody).containsOnly(first);
        assertThat(rowsOf(orderId)).isEqualTo(1);
        assertThat(timesSent(output, first)).isEqualTo(1);
    }

    @Test
    void acceptsAThousandCharacterMessage() {
        UUID orderId = UUID.randomUUID();
        // Multi-byte characters: the limit counts characters, as varchar(1000) does, not
        // bytes.
        String message = "ü".repeat(1000);

        assertThat(record(orderId, "ORDER_CONFIRMED", body(UUID.randomUUID(), "EMAIL", message)).message())
            .isEqualTo(message);
    }

    @Test
    void rejectsUnknownKind() {
        UUID orderId = UUID.randomUUID();

        expectInvalid(client.put()
            .uri(NOTIFICATION, orderId, "ORDER_SHIPPED")
            .body(body(UUID.randomUUID(), "EMAIL", "Shipped"))
            .exchange(), "kind");
        assertThat(rowsOf(orderId)).isZero();
    }

    @Test
    void rejectsMalformedOrderId() {
        expectInvalid(client.put()
            .uri(NOTIFICATION, "not-a-uuid", "ORDER_CONFIRMED")
            .body(body(UUID.randomUUID(), "EMAIL", "Confirmed"))
            .exchange(), "orderId");
    }

    @Test
    void rejectsUnknownChannel() {
        UUID orderId = UUID.randomUUID();

        expectInvalid(put(orderId, body(UUID.randomUUID(), "SMS", "Confirmed")), "channel");
        assertThat(rowsOf(orderId)).isZero();
    }

    @Test
    void rejectsMalformedCustomerId() {
        expectInvalid(put(UUID.randomUUID(), body("42", "EMAIL", "Confirmed")), "customerId");
    }

    @Test
    void rejectsEmptyMessage() {
        UUID orderId = UUID.randomUUID();

        expectInvalid(put(orderId, body(UUID.randomUUID(), "EMAIL", "")), "message");
        assertThat(rowsOf(orderId)).isZero();
    }

    @Test
    void rejectsBlankMessage() {
        expectInvalid(put(UUID.randomUUID(), body(UUID.randomUUID(), "EMAIL", "   ")), "message");
    }

    @Test
    void rejectsMessageOverAThousandCharacters() {
        UUID orderId = UUID.randomUUID();

        expectInvalid(put(orderId, body(UUID.randomUUID(), "EMAIL", "x".repeat(1001))), "message");
        assertThat(rowsOf(orderId)).isZero();
    }

    @Test
    void rejectsMessageWithNulCharacter() {
        expectInvalid(put(UUID.randomUUID(), body(UUID.randomUUID(), "EMAIL", "before\u0000after")), "message");
    }

    @Test
    void rejectsMissingFieldsNamingEach() {
        client.put()
            .uri(NOTIFICATION, UUID.randomUUID(), "ORDER_CONFIRMED")
            .body(Map.of())
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo(PROBLEM + "invalid-request")
            .jsonPath("$.errors[*].field")
            .value(List.class,
                    fields -> assertThat(fields).containsExactlyInAnyOrder("customerId", "channel", "message"));
    }

    @Test
    void rejectsMalformedJson() {
        UUID orderId = UUID.randomUUID();

        expectProblem(client.put()
            .uri(NOTIFICATION, orderId, "ORDER_CONFIRMED")
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"customerId\": ")
            .exchange()
            .expectStatus()
            .isBadRequest(), "malformed-request");
        assertThat(rowsOf(orderId)).isZero();
    }

    @Test
    void rejectsBodyOverSixtyFourKilobytes() {
        UUID orderId = UUID.randomUUID();

        expectProblem(put(orderId, body(UUID.randomUUID(), "EMAIL", "x".repeat(70_000))).expectStatus()
            .isEqualTo(HttpStatus.CONTENT_TOO_LARGE), "request-too-large");
        assertThat(rowsOf(orderId)).isZero();
    }

    private NotificationResponse record(UUID orderId, String kind, Map<String, Object> body) {
        return client.put()
            .uri(NOTIFICATION, orderId, kind)
            .body(body)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(NotificationResponse.class)
            .returnResult()
            .getResponseBody();
    }

    private RestTestClient.ResponseSpec put(UUID orderId, Map<String, Object> body) {
        return client.put().uri(NOTIFICATION, orderId, "ORDER_CONFIRMED").body(body).exchange();
    }

    private static Map<String, Object> body(Object customerId, String channel, String message) {
        return Map.of("customerId", customerId, "channel", channel, "message", message);
    }

    private long rowsOf(UUID orderId) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE order_id = ?")
            .param(orderId)
            .query(Long.class)
            .single();
    }

    private static long timesSent(CapturedOutput output, NotificationResponse notification) {
        String line = "notification " + notification.notificationId() + " for order";
        return output.getAll().lines().filter(text -> text.contains(line)).count();
    }

    private static void expectInvalid(RestTestClient.ResponseSpec response, String field) {
        expectProblem(response.expectStatus().isBadRequest(), "invalid-request").jsonPath("$.errors[0].field")
            .isEqualTo(field);
    }

    private static BodyContentSpec expectProblem(RestTestClient.ResponseSpec response, String type) {
        return response.expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo(PROBLEM + type);
    }

}
