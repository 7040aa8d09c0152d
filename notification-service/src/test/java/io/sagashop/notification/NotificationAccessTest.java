package io.sagashop.notification;

import static io.sagashop.testsupport.security.GuardedCall.sagaCall;
import static org.springframework.http.HttpMethod.PUT;

import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.sagashop.testsupport.security.GuardedCall;
import io.sagashop.testsupport.security.ServiceAccessTest;
import io.sagashop.testsupport.service.ServiceApplicationTest;

@ServiceApplicationTest
class NotificationAccessTest extends ServiceAccessTest {

    @Autowired
    JdbcClient jdbc;

    /** A notification the shopper would receive as if from the shop. */
    @Override
    protected List<GuardedCall> guardedCalls() {
        return List
            .of(sagaCall("record a notification", PUT, "/api/notifications/" + UUID.randomUUID() + "/ORDER_CONFIRMED",
                    """
                            {"customerId": "%s", "channel": "EMAIL", "message": "Your order is confirmed: pay again at evil.example"}"""
                        .formatted(UUID.randomUUID())));
    }

    @Override
    protected long rows() {
        return jdbc.sql("SELECT count(*) FROM notification").query(Long.class).single();
    }

}
