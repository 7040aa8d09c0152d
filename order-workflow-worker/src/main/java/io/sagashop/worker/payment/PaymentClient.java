package io.sagashop.worker.payment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/** The payment service's charge and refund API. */
@HttpExchange(url = "/api/payments", contentType = MediaType.APPLICATION_JSON_VALUE,
        accept = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
interface PaymentClient {

    @PutExchange("/{orderId}")
    PaymentResponse charge(@PathVariable UUID orderId, @RequestBody Charge charge);

    @PostExchange("/{orderId}/refund")
    RefundResponse refund(@PathVariable UUID orderId);

    /**
     * Only what the saga uses: the services may add fields without breaking the worker.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PaymentResponse(UUID paymentId, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RefundResponse(String status) {
    }

}
