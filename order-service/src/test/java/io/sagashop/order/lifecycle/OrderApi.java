package io.sagashop.order.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Calls the order API the way the saga worker does, and checks its problem responses. */
final class OrderApi {

    private final RestTestClient client;

    OrderApi(RestTestClient client) {
        this.client = client;
    }

    static CreateOrderRequest createRequest(UUID customerId, CreateOrderRequest.Line... lines) {
        return new CreateOrderRequest(customerId, Arrays.asList(lines));
    }

    static CreateOrderRequest.Line line(String sku, int quantity) {
        return new CreateOrderRequest.Line(sku, quantity);
    }

    static ConfirmOrderRequest confirmation(long totalCents) {
        return new ConfirmOrderRequest(UUID.randomUUID(), UUID.randomUUID(), totalCents, "EUR");
    }

    RestTestClient.ResponseSpec put(UUID orderId, Object body) {
        return client.put()
            .uri("/api/orders/{orderId}", orderId)
            .contentType(MediaType.APPLICATION_JSON)
            .body(body)
            .exchange();
    }

    RestTestClient.ResponseSpec post(UUID orderId, String transition, Object body) {
        return client.post()
            .uri("/api/orders/{orderId}/{transition}", orderId, transition)
            .contentType(MediaType.APPLICATION_JSON)
            .body(body)
            .exchange();
    }

    RestTestClient.ResponseSpec get(String uri, Object... variables) {
        return client.get().uri(uri, variables).exchange();
    }

    /** A new PENDING order of two lines for the customer. */
    OrderResponse createOrder(UUID customerId) {
        return createOrder(UUID.randomUUID(),
                createRequest(customerId, line("COF-ESPRESSO-250", 2), line("TEA-SENCHA-100", 1)));
    }

    OrderResponse createOrder(UUID orderId, CreateOrderRequest request) {
        return put(orderId, request).expectStatus()
            .isCreated()
            .expectBody(OrderResponse.class)
            .returnResult()
            .getResponseBody();
    }

    OrderResponse transition(UUID orderId, String transition, Object body) {
        return post(orderId, transition, body).expectStatus()
            .isOk()
            .expectBody(OrderResponse.class)
            .returnResult()
            .getResponseBody();
    }

    OrderResponse order(UUID orderId) {
        return get("/api/orders/{orderId}", orderId).expectStatus()
            .isOk()
            .expectBody(OrderResponse.class)
            .returnResult()
            .getResponseBody();
    }

    /**
     * Asserts an RFC 9457 answer of the given status and type, and returns its body for
     * further checks.
     */
    static RestTestClient.BodyContentSpec expectProblem(RestTestClient.ResponseSpec response, HttpStatus status,
            String type) {
        return response.expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:" + type);
    }

    /** Asserts a 400 invalid-request problem that names the field among its errors. */
    static RestTestClient.BodyContentSpec expectInvalidField(RestTestClient.ResponseSpec response, String field) {
        return expectProblem(response, HttpStatus.BAD_REQUEST, "invalid-request").jsonPath("$.errors[*].field")
            .value(List.class, fields -> assertThat(fields).contains(field));
    }

}
