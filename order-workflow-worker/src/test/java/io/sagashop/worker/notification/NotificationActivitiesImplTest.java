package io.sagashop.worker.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.worker.http.StubServer;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;

class NotificationActivitiesImplTest {

    private final UUID orderId = UUID.randomUUID();

    private final UUID customerId = UUID.randomUUID();

    private final StubServer notificationService = StubServer.start();

    private final NotificationActivities activities = new NotificationActivitiesImpl(StubServer.serviceClients(),
            notificationService.asEveryService());

    @AfterEach
    void stopService() {
        notificationService.close();
    }

    @Test
    void recordsOneNotificationPerOrderAndKindInTheApp() throws Exception {
        notificationService.answer("PUT", "/api/notifications/" + orderId + "/ORDER_CONFIRMED", 201, """
                {"notificationId":"%s","orderId":"%s","customerId":"%s","kind":"ORDER_CONFIRMED","channel":"IN_APP",
                 "message":"Confirmed","createdAt":"2025-01-01T10:00:00Z","deliveredAt":null}"""
            .formatted(UUID.randomUUID(), orderId, customerId));

        activities.notifyShopper(orderId, new Notification(customerId, NotificationKind.ORDER_CONFIRMED, "Confirmed"));

        StubServer.RecordedRequest request = notificationService.onlyRequest();
        assertThat(request.method()).isEqualTo("PUT");
        JSONAssert.assertEquals("""
                {"customerId":"%s","channel":"IN_APP","message":"Confirmed"}""".formatted(customerId), request.body(),
                true);
    }

}
