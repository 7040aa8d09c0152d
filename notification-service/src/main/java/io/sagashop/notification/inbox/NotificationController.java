package io.sagashop.notification.inbox;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.sagashop.problem.InvalidField;
import io.sagashop.problem.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;

@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Notifications")
class NotificationController {

    private static final String ONE_FILTER = "exactly one of customerId and orderId is required";

    private static final String NOTIFICATION_PATH = "/api/notifications/{orderId}/{kind}";

    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @PutMapping("/{orderId}/{kind}")
    @Operation(summary = "Record and send the notification of an order and kind (idempotent on order and kind; "
            + "the saga)")
    @ApiResponse(responseCode = "201", description = "Recorded and sent; Location names the notification")
    @ApiResponse(responseCode = "200",
            description = "A repeat of the first request for this order and kind: its notification")
    @ApiResponse(responseCode = "409",
            description = "The order and kind hold another notification (idempotency-conflict)")
    ResponseEntity<NotificationResponse> record(@PathVariable UUID orderId, @PathVariable NotificationKind kind,
            @Valid @RequestBody NotificationRequest request) {
        return notifications.record(orderId, kind, request).toResponse(NOTIFICATION_PATH, orderId, kind);
    }

    @GetMapping("/{orderId}/{kind}")
    @Operation(summary = "Read the notification of an order and kind")
    @ApiResponse(responseCode = "200", description = "The notification")
    @ApiResponse(responseCode = "404",
            description = "No notification of this kind for the order (notification-not-found)")
    NotificationResponse find(@PathVariable UUID orderId, @PathVariable NotificationKind kind) {
        return notifications.find(orderId, kind);
    }

    @GetMapping
    @Operation(summary = "List a customer's notifications newest first, or an order's oldest first")
    NotificationPage list(@RequestParam(required = false) @Nullable UUID customerId,
            @RequestParam(required = false) @Nullable UUID orderId,
            @RequestParam(defaultValue = "0") @PositiveOrZero @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        if (customerId != null && orderId == null) {
            return notifications.listForCustomer(customerId, page, size);
        }
        if (orderId != null && customerId == null) {
            return notifications.listForOrder(orderId, page, size);
        }
        throw new InvalidRequestException(
                List.of(new InvalidField("customerId", ONE_FILTER), new InvalidField("orderId", ONE_FILTER)));
    }

}
