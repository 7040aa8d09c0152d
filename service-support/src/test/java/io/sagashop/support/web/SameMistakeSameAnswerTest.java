package io.sagashop.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.sagashop.testsupport.security.SignedByTestIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole problem a service answers for the commonest mistakes, member by member. The
 * gateway's {@code SameMistakeSameAnswerTest} expects the very same bodies: a client
 * cannot tell which API refused it but by the {@code instance}.
 */
@SignedByTestIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SameMistakeSameAnswerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private static final String SKU_RULE = "must be 3 to 32 upper-case letters and digits in groups joined by single "
            + "hyphens, like COF-ESPRESSO-250";

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void aWordForAQuantity() throws Exception {
        expect(post("/baskets", """
                {"lines":[{"sku":"COF-1","quantity":"x"}]}"""), 400, """
                {"type":"urn:sagashop:problem:invalid-request","title":"Invalid request","status":400,
                 "detail":"lines[0].quantity must be a whole number","instance":"/baskets",
                 "errors":[{"field":"lines[0].quantity","reason":"must be a whole number"}]}""");
    }

    @Test
    void aSkuOnTwoLines() throws Exception {
        expect(post("/baskets", """
                {"lines":[{"sku":"COF-1","quantity":1},{"sku":"COF-1","quantity":2}]}"""), 400, """
                {"type":"urn:sagashop:problem:invalid-request","title":"Invalid request","status":400,
                 "detail":"lines[1].sku repeats the SKU of an earlier line; put the whole quantity on one line",
                 "instance":"/baskets",
                 "errors":[{"field":"lines[1].sku",
                            "reason":"repeats the SKU of an earlier line; put the whole quantity on one line"}]}""");
    }

    @Test
    void aReasonOverFiveHundredCharacters() throws Exception {
        expect(post("/baskets/b-1/cancel", "{\"reason\":\"" + "x".repeat(501) + "\"}"), 400, """
                {"type":"urn:sagashop:problem:invalid-request","title":"Invalid request","status":400,
                 "detail":"reason must be at most 500 characters","instance":"/baskets/b-1/cancel",
                 "errors":[{"field":"reason","reason":"must be at most 500 characters"}]}""");
    }

    @Test
    void aBodyOverTheLimit() throws Exception {
        expect(post("/baskets", "{\"lines\":[{\"sku\":\"" + "A".repeat(70_000) + "\",\"quantity\":1}]}"), 413, """
                {"type":"urn:sagashop:problem:request-too-large","title":"Request too large","status":413,
                 "detail":"Request body exceeds the limit of 65536 bytes","instance":"/baskets",
                 "limitBytes":65536}""");
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", ProblemTestApplication.WORKER)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body))
            .build(), BodyHandlers.ofString());
    }

    private void expect(HttpResponse<String> response, int status, String problem) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode expected = json.readTree(problem);
        assertThat(json.readTree(response.body())).isEqualTo(expected);
    }

}
