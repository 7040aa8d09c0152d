package io.sagashop.worker.order;

import io.sagashop.contracts.order.OrderLine;
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
    RecordedOrder create(@PathVariable UUID orderId, @RequestBody CreateOrderRequest request);

    @PostExchange("/{orderId}/await-approval")
    RecordedOrder awaitApproval(@PathVariable UUID orderId, @RequestBody ReasonRequest request);

    @PostExchange("/{orderId}/confirm")
    RecordedOrder confirm(@PathVariable UUID orderId, @RequestBody OrderConfirmation confirmation);

    @PostExchange("/{orderId}/cancel")
    RecordedOrder cancel(@PathVariable UUID orderId, @RequestBody ReasonRequest request);

    record CreateOrderRequest(UUID customerId, List<OrderLine> lines) {
    }

    record ReasonRequest(String reason) {
    }

}
