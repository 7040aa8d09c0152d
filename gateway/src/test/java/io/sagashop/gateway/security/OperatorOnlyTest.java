package io.sagashop.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import io.sagashop.gateway.GatewayTest;

/**
 * Every operator endpoint, the gateway's own and the routed ones, refuses a shopper with
 * 403 before anything is asked of Temporal or a service.
 */
class OperatorOnlyTest extends GatewayTest {

    private static final String ORDER = "c0ffee00-0000-4000-8000-000000000001";

    @BeforeEach
    void forgetEarlierRequests() {
        inventoryService.clear();
        paymentService.clear();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /api/operator/orders?status=AWAITING_APPROVAL |
            POST   | /api/operator/orders/%s/approve               | {"comment":"fine"}
            POST   | /api/operator/orders/%s/reject                | {"comment":"no"}
            POST   | /api/operator/products/COF-ESPRESSO-250/restocks | {"quantity":10}
            GET    | /api/operator/processor-faults                |
            PUT    | /api/operator/processor-faults                | {"failNextCalls":3,"latencyMillis":0}
            DELETE | /api/operator/processor-faults                |
            """)
    void refusesAShopper(String method, String path, String body) {
        int runsBefore = temporal.runCount();
        var request = client.method(HttpMethod.valueOf(method))
            .uri(path.formatted(ORDER))
            .header(HttpHeaders.AUTHORIZATION, shopper(UUID.randomUUID()))
            .header("Idempotency-Key", "delivery-1");
        var sent = body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();

        sent.expectStatus()
            .isForbidden()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:forbidden");
        assertThat(inventoryService.receivedNothing()).isTrue();
        assertThat(paymentService.receivedNothing()).isTrue();
        assertThat(temporal.runCount()).isEqualTo(runsBefore);
    }

}
