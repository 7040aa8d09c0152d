package io.sagashop.inventory;

import static io.sagashop.testsupport.security.GuardedCall.operatorCall;
import static io.sagashop.testsupport.security.GuardedCall.sagaCall;
import static org.springframework.http.HttpMethod.POST;

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
class InventoryAccessTest extends ServiceAccessTest {

    @Autowired
    RestTestClient worker;

    @Autowired
    JdbcClient jdbc;

    /** A held reservation, whose release would put its stock back on sale. */
    @Override
    protected List<GuardedCall> guardedCalls() {
        String sku = new TestProducts(jdbc).create("ACCESS", 10);
        UUID orderId = UUID.randomUUID();
        worker.put()
            .uri("/api/reservations/{orderId}", orderId)
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"lines\": [{\"sku\": \"%s\", \"quantity\": 1}]}".formatted(sku))
            .exchange()
            .expectStatus()
            .isCreated();
        return List.of(sagaCall("release a reservation", POST, "/api/reservations/" + orderId + "/release", null),
                operatorCall("restock a product", POST, "/api/products/" + sku + "/restocks", "{\"quantity\": 100}")
                    .withHeader("Idempotency-Key", "inventory-access-test"));
    }

    /**
     * A release turns a reservation RELEASED (or records one); a restock adds its row.
     */
    @Override
    protected long rows() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM reservation WHERE status = 'RELEASED')
                     + (SELECT count(*) FROM restock)""").query(Long.class).single();
    }

}
