package io.sagashop.worker.customer;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagashop.worker.http.StubServer;
import io.temporal.failure.ApplicationFailure;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;

class CustomerActivitiesImplTest {

    private final UUID customerId = UUID.randomUUID();

    private final StubServer customerService = StubServer.start();

    private final CustomerActivities activities = new CustomerActivitiesImpl(StubServer.serviceClients(),
            customerService.asEveryService());

    @AfterEach
    void stopService() {
        customerService.close();
    }

    @Test
    void checksTheAmountAgainstTheCustomer() throws Exception {
        customerService.answer("POST", "/api/customers/" + customerId + "/order-checks", 200, """
                {"customerId":"%s","amountCents":4190,"creditLimitCents":500000,"approved":true}"""
            .formatted(customerId));

        assertThatCode(() -> activities.checkCustomer(customerId, 4190, "EUR")).doesNotThrowAnyException();

        JSONAssert.assertEquals("{\"amountCents\":4190,\"currency\":\"EUR\"}", customerService.onlyRequest().body(),
                true);
    }

    @Test
    void creditLimitExceededIsABusinessFailure() {
        customerService.answerProblem("POST", "/api/customers/" + customerId + "/order-checks", 422,
                "credit-limit-exceeded", "41.90 EUR is over the credit limit");

        assertThatThrownBy(() -> activities.checkCustomer(customerId, 4190, "EUR"))
            .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                assertThat(failure.getType()).isEqualTo("credit-limit-exceeded");
                assertThat(failure.getOriginalMessage()).isEqualTo("41.90 EUR is over the credit limit");
                assertThat(failure.isNonRetryable()).isTrue();
            });
    }

}
