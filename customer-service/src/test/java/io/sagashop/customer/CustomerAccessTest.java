package io.sagashop.customer;

import static io.sagashop.testsupport.security.GuardedCall.operatorCall;
import static io.sagashop.testsupport.security.GuardedCall.sagaCall;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.sagashop.testsupport.security.GuardedCall;
import io.sagashop.testsupport.security.ServiceAccessTest;
import io.sagashop.testsupport.service.ServiceApplicationTest;

@ServiceApplicationTest
class CustomerAccessTest extends ServiceAccessTest {

    /** Ada Lovelace of the seed. */
    private static final String ADA = "c1000000-0000-4000-8000-000000000001";

    @Autowired
    JdbcClient jdbc;

    @Override
    protected List<GuardedCall> guardedCalls() {
        return List.of(operatorCall("register a customer", POST, "/api/customers", """
                {"name": "Eve Intruder", "email": "eve-access-test@example.com", "creditLimitCents": 10000000}""")
            .withHeader("Idempotency-Key", "customer-access-test"),
                sagaCall("check an order", POST, "/api/customers/" + ADA + "/order-checks", """
                        {"amountCents": 100, "currency": "EUR"}"""),
                operatorCall("list every customer's email and credit limit", GET, "/api/customers", null));
    }

    @Override
    protected long rows() {
        return jdbc.sql("SELECT count(*) FROM customer").query(Long.class).single();
    }

}
