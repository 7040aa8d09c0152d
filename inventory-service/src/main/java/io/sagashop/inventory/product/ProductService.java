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
import io.sagashop.support.idempotency.IdempotentWrites;
import io.sagashop.support.idempotency.Written;

@Service
class ProductService {

    private static final Logger log = LoggerFactory.getLogger(ProductService.class);

    private final ProductRepository products;

    private final RestockRepository restocks;

    private final IdempotentWrites writes;

    private final Clock clock;

    ProductService(ProductRepository products, RestockRepository restocks, IdempotentWrites writes, Clock clock) {
        this.products = products;
        this.restocks = restocks;
        this.writes = writes;
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
     * Adds the units once per idempotency key; a repeat answers the restock it recorded.
     * @throws IdempotencyConflictException when the key restocked another product or
     * quantity
     */
    Written<RestockResponse> restock(String idempotencyKey, String sku, int quantity) {
        return writes.firstWrite(() -> restocked(idempotencyKey, sku, quantity), () -> {
            Product product = products.findForUpdate(sku).orElseThrow(() -> new ProductNotFoundException(sku));
            Instant now = clock.instant();
            int stockAfter = product.restock(quantity, now);
            Restock restock = restocks.saveAndFlush(new Restock(idempotencyKey, sku, quantity, stockAfter, now));
            log.info("Restocked {} units of {}, {} now in stock (key {})", quantity, sku, stockAfter, idempotencyKey);
            return RestockResponse.of(restock);
        });
    }

    private Optional<RestockResponse> restocked(String idempotencyKey, String sku, int quantity) {
        return restocks.findByIdempotencyKey(idempotencyKey).map(earlier -> {
            if (!earlier.isSameRequest(sku, quantity)) {
                throw new IdempotencyConflictException(idempotencyKey);
            }
            return RestockResponse.of(earlier);
        });
    }

}
