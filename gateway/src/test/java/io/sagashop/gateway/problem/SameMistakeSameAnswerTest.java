package io.sagashop.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.sagashop.gateway.GatewayTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole problem the gateway answers for the commonest mistakes, member by member.
 * service-support's {@code SameMistakeSameAnswerTest} expects the very same bodies of a
 * service: a client cannot tell which API refused it but by the {@code instance}.
 */
class SameMistakeSameAnswerTest extends GatewayTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private final UUID customerId = UUID.randomUUID();

    private static final String SKU_RULE = "must be 3 to 32 upper-case letters and digits in groups joined by single "
            + "hyphens, like COF-ESPRESSO-250";

    @Test
    void aWordForAQuantity() {
        expect(placeOrder(customerId, newKey(), """
                {"lines":[{"sku":"COF-1","quantity":"x"}],"paymentToken":"tok_visa"}"""), 400, """
                {"type":"urn:sagashop:problem:invalid-request","title":"Invalid request","status":400,
                 "detail":"lines[0].quantity must be a whole number","instance":"/api/orders",
                 "errors":[{"field":"lines[0].quantity","reason":"must be a whole number"}]}""");
    }

    @Test
    void noQuantityAndAMalformedSku() {
        expect(placeOrder(customerId, newKey(), """
                {"lines":[{"sku":"cof-1","quantity":0}],"paymentToken":"tok_visa"}"""), 400, """
                {"type":"urn:sagashop:problem:invalid-request","title":"Invalid request","status":400,
                 "detail":"%s","instance":"/api/orders",
                 "errors":[{"field":"lines[0].quantity","reason":"must be at least 1"},
                           {"field":"lines[0].sku","reason":"%s"}]}"""
            .formatted("lines[0].quantity must be at least 1; lines[0].sku " + SKU_RULE, SKU_RULE));
    }

    @Test
    void aSkuOnTwoLines() {
        expect(placeOrder(customerId, newKey(), """
                {"lines":[{"sku":"COF-1","quantity":1},{"sku":"COF-1","quantity":2}],"paymentToken":"tok_visa"}"""),
                400,
                """
                        {"type":"urn:sagashop:problem:invalid-request","title":"Invalid request","status":400,
                         "detail":"lines[1].sku repeats the SKU of an earlier line; put the whole quantity on one line",
                         "instance":"/api/orders",
                         "errors":[{"field":"lines[1].sku",
                                    "reason":"repeats the SKU of an earlier line; put the whole quantity on one line"}]}""");
    }

    @Test
    void aReasonOverFiveHundredCharacters() {
        UUID orderId = UUID.randomUUID();
        expect(client.post()
            .uri("/api/orders/{orderId}/cancel", orderId)
            .header(HttpHeaders.AUTHORIZATION, shopper(customerId))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"reason\":\"" + "x".repeat(501) + "\"}")
            .exchange(), 400, """
                    {"type":"urn:sagashop:problem:invalid-request","title":"Invalid request","status":400,
                     "detail":"reason must be at most 500 characters","instance":"/api/orders/%s/cancel",
                     "errors":[{"field":"reason","reason":"must be at most 500 characters"}]}""".formatted(orderId));
    }

    @Test
    void aBodyOverTheLimit() {
        expect(placeOrder(customerId, newKey(),
                "{\"lines\":[{\"sku\":\"" + "A".repeat(70_000) + "\",\"quantity\":1}],\"paymentToken\":\"tok_visa\"}"),
                413, """
                        {"type":"urn:sagashop:problem:request-too-large","title":"Request too large","status":413,
                         "detail":"Request body exceeds the limit of 65536 bytes","instance":"/api/orders",
                         "limitBytes":65536}""");
    }

    private void expect(WebTestClient.ResponseSpec response, int status, String problem) {
        String body = response.expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        assertThat(json.readTree(body)).isEqualTo(json.readTree(problem));
    }

}
