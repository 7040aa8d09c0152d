package io.sagashop.inventory.product;

import java.util.Map;

import org.springframework.http.HttpStatus;

import io.sagashop.problem.ProblemException;

/**
 * A restock would push the stock past what the stock column can hold (422
 * {@code stock-limit-exceeded}).
 */
class StockLimitExceededException extends ProblemException {

    StockLimitExceededException(String sku, int stock, int quantity) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "stock-limit-exceeded",
                "Adding " + quantity + " units to the " + stock + " in stock of " + sku + " exceeds the limit of "
                        + Integer.MAX_VALUE,
                Map.of("sku", sku, "stock", stock, "quantity", quantity, "limit", Integer.MAX_VALUE));
    }

}
