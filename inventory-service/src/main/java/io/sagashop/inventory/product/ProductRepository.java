package io.sagashop.inventory.product;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

interface ProductRepository extends JpaRepository<Product, String> {

    List<Product> findAllByOrderBySkuAsc();

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Product p where p.sku = :sku")
    Optional<Product> findForUpdate(String sku);

    @Query("select p.stock from Product p where p.sku = :sku")
    Optional<Integer> findStock(String sku);

    /**
     * Takes stock only if enough is left, in one statement: PostgreSQL re-checks the
     * condition against the latest committed row after waiting for a concurrent taker, so
     * two orders can never both get the last unit. Answers the number of rows changed (0:
     * not enough stock or no such product).
     */
    @Modifying
    @Query("""
            update Product p set p.stock = p.stock - :quantity, p.updatedAt = :now
            where p.sku = :sku and p.stock >= :quantity""")
    int takeStock(String sku, int quantity, Instant now);

    @Modifying
    @Query("update Product p set p.stock = p.stock + :quantity, p.updatedAt = :now where p.sku = :sku")
    int returnStock(String sku, int quantity, Instant now);

}
