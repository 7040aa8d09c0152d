package io.sagashop.inventory.product;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface RestockRepository extends JpaRepository<Restock, UUID> {

    Optional<Restock> findByIdempotencyKey(String idempotencyKey);

}
