package io.sagashop.order.lifecycle;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.sagashop.testsupport.service.ServiceApplicationTest;

/**
 * The database keeps the order's invariants even against code that bypasses the
 * aggregate.
 */
@ServiceApplicationTest
class OrderSchemaTest {

    @Autowired
    private JdbcClient jdbc;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            customer_order_status_known          | SHIPPED   |      |      | false | false
            customer_order_confirmed_has_payment | CONFIRMED |      | EUR  | true  | true
            customer_order_payment_only_when_confirmed | PENDING | 100 | EUR | true | true
            customer_order_cancelled_has_reason  | CANCELLED |      |      | false | false
            customer_order_total_positive        | CONFIRMED | 0    | EUR  | true  | true
            customer_order_currency_iso          | CONFIRMED | 100  | eur  | true  | true
            """)
    void orderRowsBreakingTheRulesAreRefused(String constraint, String status, Long totalCents, String currency,
            boolean withReservation, boolean withPayment) {
        assertThatThrownBy(() -> insertOrder(UUID.randomUUID(), status, totalCents, currency,
                withReservation ? UUID.randomUUID() : null, withPayment ? UUID.randomUUID() : null, null))
            .isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageContaining(constraint);
    }

    @Test
    void cancelReasonOnlyOnCancelledOrders() {
        assertThatThrownBy(() -> insertOrder(UUID.randomUUID(), "PENDING", null, null, null, null, "Because"))
            .hasMessageContaining("customer_order_reason_only_when_cancelled");
        assertThatThrownBy(() -> insertOrder(UUID.randomUUID(), "CANCELLED", null, null, null, null, " "))
            .hasMessageContaining("customer_order_cancel_reason_not_blank");
        assertThatCode(() -> insertOrder(UUID.randomUUID(), "CANCELLED", null, null, null, null, "Because"))
            .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            order_line_quantity_range | 1 | COF-ESPRESSO-250 | 0
            order_line_quantity_range | 1 | COF-ESPRESSO-250 | 101
            order_line_sku_format     | 1 | cof-espresso     | 1
            order_line_sku_format     | 1 | AB               | 1
            order_line_no_range       | 0 | COF-ESPRESSO-250 | 1
            order_line_no_range       | 51 | COF-ESPRESSO-250 | 1
            """)
    void lineRowsBreakingTheRulesAreRefused(String constraint, int lineNo, String sku, int quantity) {
        UUID orderId = pendingOrder();

        assertThatThrownBy(() -> insertLine(orderId, lineNo, sku, quantity))
            .isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageContaining(constraint);
    }

    @Test
    void skuAppearsOncePerOrder() {
        UUID orderId = pendingOrder();
        insertLine(orderId, 1, "COF-ESPRESSO-250", 1);

        assertThatThrownBy(() -> insertLine(orderId, 2, "COF-ESPRESSO-250", 1))
            .isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageContaining("order_line_sku_unique");
    }

    @Test
    void linesAndHistoryBelongToAnExistingOrder() {
        assertThatThrownBy(() -> insertLine(UUID.randomUUID(), 1, "COF-ESPRESSO-250", 1))
            .hasMessageContaining("order_line_order_fk");
        assertThatThrownBy(() -> insertStatusChange(UUID.randomUUID(), "PENDING"))
            .hasMessageContaining("order_status_change_order_fk");
    }

    @Test
    void anOrderEndsOnlyOnce() {
        UUID orderId = pendingOrder();
        insertStatusChange(orderId, "CONFIRMED");

        assertThatThrownBy(() -> insertStatusChange(orderId, "CANCELLED"))
            .isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageContaining("order_status_change_one_final");
        assertThatThrownBy(() -> insertStatusChange(orderId, "PENDING"))
            .isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageContaining("order_status_change_status_once");
    }

    private UUID pendingOrder() {
        UUID orderId = UUID.randomUUID();
        insertOrder(orderId, "PENDING", null, null, null, null, null);
        insertStatusChange(orderId, "PENDING");
        return orderId;
    }

    private void insertOrder(UUID orderId, String status, Long totalCents, String currency, UUID reservationId,
            UUID paymentId, String cancelReason) {
        jdbc.sql("""
                insert into customer_order (id, customer_id, status, total_cents, currency, reservation_id,
                    payment_id, cancel_reason, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, now(), now(), 0)""")
            .params(orderId, UUID.randomUUID(), status, totalCents, currency, reservationId, paymentId, cancelReason)
            .update();
    }

    private void insertLine(UUID orderId, int lineNo, String sku, int quantity) {
        jdbc.sql("insert into order_line (order_id, line_no, sku, quantity) values (?, ?, ?, ?)")
            .params(orderId, lineNo, sku, quantity)
            .update();
    }

    private void insertStatusChange(UUID orderId, String status) {
        jdbc.sql("insert into order_status_change (order_id, status, changed_at) values (?, ?, now())")
            .params(orderId, status)
            .update();
    }

}
