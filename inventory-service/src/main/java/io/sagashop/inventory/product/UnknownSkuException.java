package io.sagashop.inventory.product;

import java.util.Map;

import org.springframework.http.HttpStatus;

import io.sagashop.problem.ProblemException;

/**
 * An order line names a SKU the catalog does not have (422 {@code unknown-sku}). Unlike a
 * 404 for a path, the request itself is well-formed; the saga treats it as a business
 * failure and does not retry.
 */
class UnknownSkuException extends ProblemException {

    UnknownSkuException(String sku) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-sku", "No product has SKU " + sku, Map.of("sku", sku));
    }

}
