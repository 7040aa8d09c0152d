package io.sagashop.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.sagashop.payment.processor.TestCardToken;
import io.sagashop.testsupport.service.ServiceApplicationTest;

@ServiceApplicationTest
class OperationalEndpointsTest {

    private final RestTestClient client;

    OperationalEndpointsTest(@Autowired RestTestClient client) {
        this.client = client;
    }

    @Test
    void apiDescriptionListsEveryTestToken() {
        client.get()
            .uri("/v3/api-docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.info.description")
            .value(String.class, description -> {
                for (TestCardToken token : TestCardToken.values()) {
                    assertThat(description).contains("`" + token.token() + "`");
                }
            });
    }

    @Test
    void reportsReadyWithItsDatabase() {
        client.get()
            .uri("/actuator/health/readiness")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("UP");
    }

}
