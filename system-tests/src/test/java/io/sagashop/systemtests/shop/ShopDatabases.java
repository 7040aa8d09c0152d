package io.sagashop.systemtests.shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.sagashop.launcher.stack.App;

/**
 * Reads each service's own database the way an engineer on call would: plain SQL against
 * its tables, so the tests check what was really written, not what an API chose to show.
 */
public final class ShopDatabases {

    private final SagaShopSystem system;

    public ShopDatabases(SagaShopSystem system) {
        this.system = system;
    }

    public int stock(String sku) {
        return ((Number) single(App.INVENTORY, "SELECT stock FROM product WHERE sku = ?", sku)).intValue();
    }

    /** The order row's status and cancel reason, or an empty map when there is no row. */
    public Map<String, Object> order(UUID orderId) {
        return firstRow(App.ORDER,
                "SELECT status, cancel_reason, total_cents, payment_id, reservation_id FROM customer_order WHERE id = ?",
                orderId);
    }

    public List<String> orderHistory(UUID orderId) {
        return column(App.ORDER, "SELECT status FROM order_status_change WHERE order_id = ? ORDER BY id", orderId);
    }

    public long orderRows(UUID orderId) {
        return count(App.ORDER, "SELECT count(*) FROM customer_order WHERE id = ?", orderId);
    }

    /** The reservation's status, or null when there is none. */
    public String reservationStatus(UUID orderId) {
        return (String) firstRow(App.INVENTORY, "SELECT status FROM reservation WHERE order_id = ?", orderId)
            .get("status");
    }

    public List<Map<String, Object>> payments(UUID orderId) {
        return rows(App.PAYMENT, "SELECT status, amount_cents, decline_code FROM payment WHERE order_id = ?", orderId);
    }

    public long refunds(UUID orderId) {
        return count(App.PAYMENT,
                "SELECT count(*) FROM refund r JOIN payment p ON p.id = r.payment_id WHERE p.order_id = ?", orderId);
    }

    public List<String> notificationKinds(UUID orderId) {
        return column(App.NOTIFICATION, "SELECT kind FROM notification WHERE order_id = ? ORDER BY created_at",
                orderId);
    }

    /** The order's notifications, oldest first: kind, customer_id and message. */
    public List<Map<String, Object>> notifications(UUID orderId) {
        return rows(App.NOTIFICATION,
                "SELECT kind, customer_id, message FROM notification WHERE order_id = ? ORDER BY created_at", orderId);
    }

    public long count(App service, String sql, Object... parameters) {
        return ((Number) single(service, sql, parameters)).longValue();
    }

    private Object single(App service, String sql, Object... parameters) {
        List<Map<String, Object>> rows = rows(service, sql, parameters);
        if (rows.size() != 1) {
            throw new IllegalStateException("Expected one row from " + sql + " but got " + rows.size());
        }
        return rows.getFirst().values().iterator().next();
    }

    private Map<String, Object> firstRow(App service, String sql, Object... parameters) {
        List<Map<String, Object>> rows = rows(service, sql, parameters);
        return rows.isEmpty() ? Map.of() : rows.getFirst();
    }

    private List<String> column(App service, String sql, Object... parameters) {
        return rows(service, sql, parameters).stream()
            .map(row -> String.valueOf(row.values().iterator().next()))
            .toList();
    }

    public List<Map<String, Object>> rows(App service, String sql, Object... parameters) {
        try (Connection connection = system.database(service);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= columns; column++) {
                        row.put(result.getMetaData().getColumnLabel(column), result.getObject(column));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Query failed on " + service + ": " + sql, ex);
        }
    }

}
