package io.sagashop.inventory.product;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.sagashop.problem.IdempotencyConflictException;

@Service
class ProductCatalog {

    private static final Logger log = LoggerFactory.getLogger(ProductCatalog.class);

    private final ProductRepository products;

    private final RestockRepository restocks;

    private final Clock clock;

    ProductCatalog(ProductRepository products, RestockRepository restocks, Clock clock) {
        this.products = products;
        this.restocks = restocks;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<ProductResponse> findAll() {
        return products.findAllByOrderBySkuAsc().stream().map(ProductResponse::of).toList();
    }

    @Transactional(readOnly = true)
    ProductResponse find(String sku) {
        return products.findById(sku).map(ProductResponse::of).orElseThrow(() -> new ProductNotFoundException(sku));
    }

    /**
     * Adds the units once per idempotency key. A concurrent first request with the same
     * key makes the insert fail on the key's unique constraint; {@link RestockService}
     * then answers from the winner's row.
     */
    @Transactional
    RestockOutcome restock(String idempotencyKey, String sku, int quantity) {
        Optional<RestockResponse> earlier = replay(idempotencyKey, sku, quantity);
        if (earlier.isPresent()) {
            return new RestockOutcome(earlier.get(), false);
        }
        Product product = products.findForUpdate(sku).orElseThrow(() -> new ProductNotFoundException(sku));
        Instant now = clock.instant();
        int stockAfter = product.restock(quantity, now);
        Restock restock = restocks.saveAndFlush(new Restock(idempotencyKey, sku, quantity, stockAfter, now));
        log.info("Restocked {} units of {}, {} now in stock (key {})", quantity, sku, stockAfter, idempotencyKey);
        return new RestockOutcome(RestockResponse.of(restock), true);
    }

    @Transactional(readOnly = true)
    Optional<RestockResponse> replay(String idempotencyKey, String sku, int quantity) {
        return restocks.findByIdempotencyKey(idempotencyKey).map(earlier -> {
            if (!earlier.isSameRequest(sku, quantity)) {
                throw new IdempotencyConflictException(idempotencyKey);
            }
            return RestockResponse.of(earlier);
        });
    }

}
