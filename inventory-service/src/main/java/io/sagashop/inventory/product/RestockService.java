package io.sagashop.inventory.product;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Makes restocks idempotent under concurrency. Kept outside the transaction on purpose:
 * after losing the race for a key, the failed transaction must be rolled back before a
 * new one can read the winner's row.
 */
@Service
class RestockService {

    private static final Logger log = LoggerFactory.getLogger(RestockService.class);

    private final ProductCatalog catalog;

    RestockService(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    RestockOutcome restock(String idempotencyKey, String sku, int quantity) {
        try {
            return catalog.restock(idempotencyKey, sku, quantity);
        }
        catch (DataIntegrityViolationException ex) {
            log.debug("Restock with key {} lost a race; answering from the winner's row", idempotencyKey);
            return catalog.replay(idempotencyKey, sku, quantity)
                .map(winner -> new RestockOutcome(winner, false))
                .orElseThrow(() -> ex);
        }
    }

}
