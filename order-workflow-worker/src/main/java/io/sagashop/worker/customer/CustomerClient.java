package io.sagashop.worker.customer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** The customer service's order-check API. */
@HttpExchange(url = "/api/customers", contentType = MediaType.APPLICATION_JSON_VALUE,
        accept = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
interface CustomerClient {

    @PostExchange("/{customerId}/order-checks")
    OrderCheckResponse checkOrder(@PathVariable UUID customerId, @RequestBody OrderCheckRequest request);

    record OrderCheckRequest(long amountCents, String currency) {
    }

    /**
     * Only what the saga uses: the services may add fields without breaking the worker.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrderCheckResponse(long creditLimitCents) {
    }

}
