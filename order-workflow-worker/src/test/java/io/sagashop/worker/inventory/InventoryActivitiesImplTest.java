package io.sagashop.worker.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagashop.contracts.order.OrderLine;
import io.sagashop.worker.http.StubServer;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;

class InventoryActivitiesImplTest {

    private final UUID orderId = UUID.randomUUID();

    private final UUID reservationId = UUID.randomUUID();

    private final StubServer inventoryService = StubServer.start();

    private final InventoryActivities activities = new InventoryActivitiesImpl(StubServer.serviceClients(),
            inventoryService.asEveryService());

    @AfterEach
    void stopService() {
        inventoryService.close();
    }

    @Test
    void reservesAllLinesAndAnswersTheTotalPricedByTheCatalog() throws Exception {
        inventoryService.answer("PUT", "/api/reservations/" + orderId, 201, """
                {"reservationId":"%s","orderId":"%s","status":"RESERVED",
                 "lines":[{"sku":"COF-ESPRESSO-250","name":"Espresso","quantity":2,"unitPriceCents":1190,
                           "lineTotalCents":2380}],
                 "totalCents":2380,"currency":"EUR","createdAt":"2025-01-01T10:00:00Z","releasedAt":null}"""
            .formatted(reservationId, orderId));

        Reservation reservation = activities.reserveStock(orderId, List.of(new OrderLine("COF-ESPRESSO-250", 2)));

        assertThat(reservation).isEqualTo(new Reservation(reservationId, 2380, "EUR"));
        StubServer.RecordedRequest request = inventoryService.onlyRequest();
        assertThat(request.contentType()).isEqualTo("application/json");
        JSONAssert.assertEquals("{\"lines\":[{\"sku\":\"COF-ESPRESSO-250\",\"quantity\":2}]}", request.body(), true);
    }

    @Test
    void outOfStockIsABusinessFailure() {
        inventoryService.answerProblem("PUT", "/api/reservations/" + orderId, 422, "out-of-stock",
                "Only 1 of COF-ESPRESSO-250 left, 2 requested");

        assertThatThrownBy(() -> activities.reserveStock(orderId, List.of(new OrderLine("COF-ESPRESSO-250", 2))))
            .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                assertThat(failure.getType()).isEqualTo("out-of-stock");
                assertThat(failure.isNonRetryable()).isTrue();
            });
    }

    @Test
    void releasesTheReservation() {
        inventoryService.answer("POST", "/api/reservations/" + orderId + "/release", 200, """
                {"reservationId":"%s","orderId":"%s","status":"RELEASED","lines":[],"totalCents":0,
                 "currency":"EUR"}""".formatted(reservationId, orderId));

        activities.releaseReservation(orderId);

        assertThat(inventoryService.onlyRequest().path()).isEqualTo("/api/reservations/" + orderId + "/release");
    }

    @Test
    void releaseThatTheServiceRefusesIsRetried() {
        inventoryService.answerProblem("POST", "/api/reservations/" + orderId + "/release", 409, "idempotency-conflict",
                "Conflicting release");

        assertThatThrownBy(() -> activities.releaseReservation(orderId))
            .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                assertThat(failure.getType()).isEqualTo("idempotency-conflict");
                assertThat(failure.isNonRetryable()).isFalse();
            });
    }

}
