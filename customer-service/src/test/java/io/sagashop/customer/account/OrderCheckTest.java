package io.sagashop.customer.account;

import static io.sagashop.customer.account.SeededCustomers.ADA;
import static io.sagashop.customer.account.SeededCustomers.BOB_SMALL_BUDGET;
import static io.sagashop.customer.account.SeededCustomers.MALLORY_BLOCKED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import io.sagashop.testsupport.service.ServiceApplicationTest;

@ServiceApplicationTest
class OrderCheckTest {

    @Autowired
    RestTestClient client;

    @Test
    void approvesAnOrderWithinTheCreditLimit() {
        OrderCheckResponse answer = check(ADA, amount(120_000)).expectStatus()
            .isOk()
            .expectBody(OrderCheckResponse.class)
            .returnResult()
            .getResponseBody();

        assertThat(answer).isEqualTo(new OrderCheckResponse(ADA, 120_000, 500_000, true));
    }

    @Test
    void approvesAnOrderOfExactlyTheCreditLimitAndAnswersTheSameWhenRepeated() {
        for (int attempt = 0; attempt < 2; attempt++) {
            check(BOB_SMALL_BUDGET, amount(5_000)).expectStatus()
                .isOk()
                .expectBody(OrderCheckResponse.class)
                .isEqualTo(new OrderCheckResponse(BOB_SMALL_BUDGET, 5_000, 5_000, true));
        }
    }

    @Test
    void declinesAnOrderOverTheCreditLimit() {
        check(BOB_SMALL_BUDGET, amount(5_001)).expectStatus()
            .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:credit-limit-exceeded")
            .jsonPath("$.amountCents")
            .isEqualTo(5_001)
            .jsonPath("$.creditLimitCents")
            .isEqualTo(5_000)
            .jsonPath("$.customerId")
            .isEqualTo(BOB_SMALL_BUDGET.toString());
    }

    @Test
    void declinesEveryOrderOfABlockedCustomer() {
        check(MALLORY_BLOCKED, amount(1)).expectStatus()
            .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:customer-blocked")
            .jsonPath("$.customerId")
            .isEqualTo(MALLORY_BLOCKED.toString());
    }

    @Test
    void declinesAnUnknownCustomerAsABusinessAnswerNotANotFound() {
        UUID unknown = UUID.randomUUID();

        check(unknown, amount(100)).expectStatus()
            .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:unknown-customer")
            .jsonPath("$.customerId")
            .isEqualTo(unknown.toString());
    }

    @Test
    void amountOfZeroOrLessIsABadRequestNamingTheAmount() {
        for (long amountCents : new long[] { 0, -100 }) {
            check(ADA, amount(amountCents)).expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:sagashop:problem:invalid-request")
                .jsonPath("$.errors[0].field")
                .isEqualTo("amountCents");
        }
    }

    @Test
    void missingFieldsAreNamed() {
        check(ADA, "{\"currency\": \"EUR\"}").expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("amountCents");
        check(ADA, "{\"amountCents\": 100}").expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("currency");
    }

    @Test
    void currencyOtherThanTheCreditLimitsIsRefused() {
        check(ADA, "{\"amountCents\": 100, \"currency\": \"USD\"}").expectStatus()
            .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:currency-not-supported")
            .jsonPath("$.errors[0].field")
            .isEqualTo("currency");
        check(ADA, "{\"amountCents\": 100, \"currency\": \"euro\"}").expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("currency");
    }

    @Test
    void currencyThatIsNoIsoCodeIsABadRequest() {
        check(ADA, "{\"amountCents\": 100, \"currency\": \"XYZ\"}").expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:invalid-request")
            .jsonPath("$.errors[0].field")
            .isEqualTo("currency")
            .jsonPath("$.errors[0].reason")
            .isEqualTo("must be an ISO 4217 currency code such as EUR");
    }

    @Test
    void amountThatIsNoWholeNumberOfCentsIsNamed() {
        for (String amount : new String[] { "\"ten\"", "99.5" }) {
            check(ADA, "{\"amountCents\": %s, \"currency\": \"EUR\"}".formatted(amount)).expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("amountCents");
        }
    }

    @Test
    void malformedJsonIsABadRequest() {
        check(ADA, "{\"amountCents\": 100,").expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:malformed-request");
    }

    @Test
    void bodyOver64KilobytesIsRefused() {
        check(ADA, "{\"amountCents\": 100, \"currency\": \"EUR\", \"note\": \"" + "x".repeat(70_000) + "\"}")
            .expectStatus()
            .isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:request-too-large");
    }

    private ResponseSpec check(UUID customerId, String json) {
        return client.post()
            .uri("/api/customers/{id}/order-checks", customerId)
            .contentType(MediaType.APPLICATION_JSON)
            .body(json)
            .exchange();
    }

    private static String amount(long amountCents) {
        return "{\"amountCents\": %d, \"currency\": \"EUR\"}".formatted(amountCents);
    }

}
