package io.sagashop.inventory.product;

record ProductResponse(String sku, String name, String description, long priceCents, String currency, int stock) {

    static ProductResponse of(Product product) {
        return new ProductResponse(product.getSku(), product.getName(), product.getDescription(),
                product.getPriceCents(), product.getCurrency(), product.getStock());
    }
}
