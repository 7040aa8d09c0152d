package io.sagashop.customer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.sagashop.testsupport.service.ServiceApplicationTest;

@ServiceApplicationTest
class OperationsEndpointsTest {

    @Autowired
    RestTestClient client;

    @Test
    void probesReportUpOnceTheDatabaseAnswers() {
        for (String probe : new String[] { "liveness", "readiness" }) {
            client.get()
                .uri("/actuator/health/{probe}", probe)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        }
    }

    @Test
    void aMultipartContentTypeWithoutABoundaryIsABadRequestEvenForAProbe() {
        client.get()
            .uri("/actuator/health/readiness")
            .header("Content-Type", "multipart/form-data")
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:invalid-request")
            .jsonPath("$.errors[0].field")
            .isEqualTo("Content-Type");
    }

    @Test
    void apiDocsDescribeTheCustomerEndpoints() {
        client.get()
            .uri("/v3/api-docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.paths['/api/customers'].post.summary")
            .exists()
            .jsonPath("$.paths['/api/customers/{customerId}'].get")
            .exists()
            .jsonPath("$.paths['/api/customers/{customerId}/order-checks'].post")
            .exists();
    }

}
