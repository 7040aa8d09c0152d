package io.sagashop.inventory.product;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes stock for reservations and gives it back, as part of the caller's transaction: a
 * reservation takes all its lines or, by rolling back, none. Callers take the lines of
 * one request in SKU order, so concurrent requests lock product rows in the same order
 * and cannot deadlock.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class StockKeeper {

    private final ProductRepository products;

    private final Clock clock;

    StockKeeper(ProductRepository products, Clock clock) {
        this.products = products;
        this.clock = clock;
    }

    /**
     * Takes {@code quantity} units of {@code sku} at the catalog price.
     * @throws io.sagashop.problem.ProblemException {@code unknown-sku} or
     * {@code out-of-stock}
     */
    public TakenStock take(String sku, int quantity) {
        Product product = products.findById(sku).orElseThrow(() -> new UnknownSkuException(sku));
        if (products.takeStock(sku, quantity, clock.instant()) == 0) {
            int available = products.findStock(sku).orElse(0);
            throw new OutOfStockException(sku, quantity, available);
        }
        return new TakenStock(sku, product.getName(), quantity, product.getPriceCents(), product.getCurrency());
    }

    /** Puts units taken by {@link #take(String, int)} back into stock. */
    public void giveBack(String sku, int quantity) {
        if (products.returnStock(sku, quantity, clock.instant()) != 1) {
            // The reservation line's foreign key keeps its product alive, so this is a
            // broken invariant.
            throw new IllegalStateException("No product " + sku + " to return " + quantity + " units to");
        }
    }

}
