package io.sagashop.payment;

import static io.sagashop.testsupport.security.GuardedCall.operatorCall;
import static io.sagashop.testsupport.security.GuardedCall.sagaCall;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.sagashop.testsupport.security.GuardedCall;
import io.sagashop.testsupport.security.ServiceAccessTest;
import io.sagashop.testsupport.service.ServiceApplicationTest;

@ServiceApplicationTest
class PaymentAccessTest extends ServiceAccessTest {

    @Autowired
    RestTestClient worker;

    @Autowired
    JdbcClient jdbc;

    /** A captured payment, whose refund would send the money back. */
    @Override
    protected List<GuardedCall> guardedCalls() {
        UUID orderId = UUID.randomUUID();
        worker.put()
            .uri("/api/payments/{orderId}", orderId)
            .contentType(MediaType.APPLICATION_JSON)
            .body("""
                    {"customerId": "%s", "amountCents": 4200, "currency": "EUR", "paymentToken": "tok_visa"}"""
                .formatted(UUID.randomUUID()))
            .exchange()
            .expectStatus()
            .isCreated();
        return List.of(sagaCall("refund a payment", POST, "/api/payments/" + orderId + "/refund", null),
                // No faults at all: the rightful call leaves the processor as the other
                // tests expect it.
                operatorCall("set the processor's faults", PUT, "/api/operator/processor-faults",
                        "{\"failNextCalls\": 0, \"latencyMillis\": 0}"));
    }

    /** A refund adds its row; a refund of nothing records a voided payment. */
    @Override
    protected long rows() {
        return jdbc.sql("SELECT (SELECT count(*) FROM payment) + (SELECT count(*) FROM refund)")
            .query(Long.class)
            .single();
    }

}
