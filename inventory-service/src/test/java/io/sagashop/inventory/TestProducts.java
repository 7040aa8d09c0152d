package io.sagashop.inventory;

import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Products of a test's own, with SKUs no other test uses, written straight into the
 * catalog table.
 */
public final class TestProducts {

    public static final long PRICE_CENTS = 1_250;

    private final JdbcClient jdbc;

    public TestProducts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A product priced {@link #PRICE_CENTS} EUR whose SKU starts with
     * {@code TEST-<label>-}.
     */
    public String create(String label, int stock) {
        return create(label, stock, PRICE_CENTS, "EUR");
    }

    public String create(String label, int stock, long priceCents, String currency) {
        String sku = "TEST-" + label + "-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
        jdbc.sql("""
                INSERT INTO product (sku, name, description, price_cents, currency, stock)
                VALUES (:sku, :name, 'A product made for one test', :price, :currency, :stock)""")
            .param("sku", sku)
            .param("name", "Test product " + label)
            .param("price", priceCents)
            .param("currency", currency)
            .param("stock", stock)
            .update();
        return sku;
    }

    public int stock(String sku) {
        return jdbc.sql("SELECT stock FROM product WHERE sku = ?").param(sku).query(Integer.class).single();
    }

    /**
     * A request body of roughly {@code bytes} bytes, above the 64 KB limit when asked
     * for.
     */
    public static String oversizedJson(int bytes) {
        return "{\"padding\":\"" + "x".repeat(bytes) + "\"}";
    }

}
