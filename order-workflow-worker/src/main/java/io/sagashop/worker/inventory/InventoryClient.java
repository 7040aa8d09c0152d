package io.sagashop.worker.inventory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.sagashop.contracts.order.OrderLine;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/** The inventory service's reservation API. */
@HttpExchange(url = "/api/reservations", contentType = MediaType.APPLICATION_JSON_VALUE,
        accept = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
interface InventoryClient {

    @PutExchange("/{orderId}")
    Reservation reserve(@PathVariable UUID orderId, @RequestBody ReservationRequest request);

    @PostExchange("/{orderId}/release")
    ReleaseResponse release(@PathVariable UUID orderId);

    record ReservationRequest(List<OrderLine> lines) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReleaseResponse(String status) {
    }

}
