package io.sagashop.worker.order;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.sagashop.contracts.order.OrderLine;
import io.sagashop.contracts.order.OrderStatus;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/** The order service's HTTP API as far as the saga uses it. */
@HttpExchange(url = "/api/orders", contentType = MediaType.APPLICATION_JSON_VALUE,
        accept = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
interface OrderClient {

    @PutExchange("/{orderId}")
    OrderResponse create(@PathVariable UUID orderId, @RequestBody CreateOrderRequest request);

    @PostExchange("/{orderId}/await-approval")
    OrderResponse awaitApproval(@PathVariable UUID orderId, @RequestBody ReasonRequest request);

    @PostExchange("/{orderId}/confirm")
    OrderResponse confirm(@PathVariable UUID orderId, @RequestBody ConfirmRequest request);

    @PostExchange("/{orderId}/cancel")
    OrderResponse cancel(@PathVariable UUID orderId, @RequestBody ReasonRequest request);

    record CreateOrderRequest(UUID customerId, List<OrderLine> lines) {
    }

    record ReasonRequest(String reason) {
    }

    record ConfirmRequest(UUID reservationId, UUID paymentId, long totalCents, String currency) {
    }

    /**
     * Only what the saga uses: the services may add fields without breaking the worker.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrderResponse(OrderStatus status, String cancelReason, Long totalCents, String currency, UUID reservationId,
            UUID paymentId) {
    }

}
