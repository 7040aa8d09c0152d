package io.sagashop.inventory.product;

import java.util.Map;

import org.springframework.http.HttpStatus;

import io.sagashop.problem.ProblemException;

/** Fewer units are on hand than a line asks for (422 {@code out-of-stock}). */
class OutOfStockException extends ProblemException {

    OutOfStockException(String sku, int requested, int available) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "out-of-stock",
                "Only " + available + " of " + requested + " requested units of " + sku + " are in stock",
                Map.of("sku", sku, "requested", requested, "available", available));
    }

}
