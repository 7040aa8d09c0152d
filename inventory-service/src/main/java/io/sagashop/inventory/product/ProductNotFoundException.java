package io.sagashop.inventory.product;

import io.sagashop.problem.ResourceNotFoundException;

/** The SKU addressed in the path names no product (404 {@code product-not-found}). */
class ProductNotFoundException extends ResourceNotFoundException {

    ProductNotFoundException(String sku) {
        super("product", sku);
    }

}
