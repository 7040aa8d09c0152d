package io.sagashop.payment.processor;

import static io.sagashop.payment.ProblemAssertions.expectInvalidField;
import static io.sagashop.payment.ProblemAssertions.expectProblem;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import io.sagashop.testsupport.security.TestIssuer;
import io.sagashop.testsupport.service.ServiceApplicationTest;

@ServiceApplicationTest
class ProcessorFaultsApiTest {

    private static final String FAULTS = "/api/operator/processor-faults";

    private final RestTestClient client;

    /** The simulated processor's faults are an operator's to set. */
    ProcessorFaultsApiTest(@Autowired RestTestClient client) {
        this.client = client.mutate()
            .defaultHeader(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(TestIssuer.shared().operator()))
            .build();
    }

    @AfterEach
    void clearFaults() {
        client.delete().uri(FAULTS).exchange().expectStatus().isNoContent();
    }

    @Test
    void reportsNoFaultsWhenNoneAreInjected() {
        client.get()
            .uri(FAULTS)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(InjectedFaults.class)
            .isEqualTo(InjectedFaults.NONE);
    }

    @Test
    void setsReportsAndClearsFaults() {
        put(Map.of("failNextCalls", 3, "latencyMillis", 250)).expectStatus()
            .isOk()
            .expectBody(InjectedFaults.class)
            .isEqualTo(new InjectedFaults(3, 250));
        client.get()
            .uri(FAULTS)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(InjectedFaults.class)
            .isEqualTo(new InjectedFaults(3, 250));

        client.delete().uri(FAULTS).exchange().expectStatus().isNoContent().expectBody().isEmpty();

        client.get()
            .uri(FAULTS)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(InjectedFaults.class)
            .isEqualTo(InjectedFaults.NONE);
    }

    @Test
    void acceptsTheLargestFaults() {
        put(Map.of("failNextCalls", 1000, "latencyMillis", 30_000)).expectStatus()
            .isOk()
            .expectBody(InjectedFaults.class)
            .isEqualTo(new InjectedFaults(1000, 30_000));
    }

    @ParameterizedTest
    @CsvSource({ "failNextCalls, -1", "failNextCalls, 1001", "latencyMillis, -1", "latencyMillis, 30001", })
    void refusesFaultsOutOfRange(String field, int value) {
        Map<String, Object> body = new HashMap<>(Map.of("failNextCalls", 0, "latencyMillis", 0));
        body.put(field, value);

        expectInvalidField(put(body), field);
    }

    @ParameterizedTest
    @CsvSource({ "failNextCalls", "latencyMillis" })
    void refusesAMissingSetting(String field) {
        Map<String, Object> body = new HashMap<>(Map.of("failNextCalls", 0, "latencyMillis", 0));
        body.remove(field);

        expectInvalidField(put(body), field);
    }

    @Test
    void refusesMalformedJson() {
        expectProblem(put("{\"failNextCalls\": 2,"), HttpStatus.BAD_REQUEST, "malformed-request");
    }

    private ResponseSpec put(Object body) {
        return client.put().uri(FAULTS).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

}
