package io.sagashop.gateway.notification;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.sagashop.gateway.identity.Shopper;
import io.sagashop.gateway.problem.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Mono;

/**
 * What the shop told a shopper about their orders (confirmed, cancelled, waiting for
 * approval), read from the notification service for their owner only.
 */
@RestController
@Tag(name = "notifications")
class NotificationController {

    // The notification service's limits.
    private static final int MAX_PAGE = 100_000;

    private static final int MAX_PAGE_SIZE = 100;

    private final NotificationReads reads;

    NotificationController(NotificationReads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/notifications")
    @Operation(summary = "The shopper's notifications, newest first; customerId must be the shopper's own, "
            + "any other customer's list is empty")
    @ProblemResponses(HttpStatus.SERVICE_UNAVAILABLE)
    Mono<NotificationPage> notifications(Shopper shopper, @RequestParam UUID customerId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return reads.notifications(shopper.customerId(), customerId, page, size);
    }

}
