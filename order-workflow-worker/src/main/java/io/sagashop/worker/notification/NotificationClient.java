package io.sagashop.worker.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PutExchange;

/** The notification service's API for recording a notification. */
@HttpExchange(url = "/api/notifications", contentType = MediaType.APPLICATION_JSON_VALUE,
        accept = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
interface NotificationClient {

    @PutExchange("/{orderId}/{kind}")
    NotificationResponse send(@PathVariable UUID orderId, @PathVariable NotificationKind kind,
            @RequestBody NotificationRequest request);

    record NotificationRequest(UUID customerId, String channel, String message) {
    }

    /**
     * Only what the saga uses: the services may add fields without breaking the worker.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record NotificationResponse(UUID notificationId) {
    }

}
