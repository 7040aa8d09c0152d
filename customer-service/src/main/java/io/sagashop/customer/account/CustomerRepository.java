package io.sagashop.customer.account;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CustomerRepository extends JpaRepository<Customer, UUID> {

    Optional<Customer> findByCreationKey(String creationKey);

    /**
     * Inserts the customer unless a row already holds its creation key or email, and
     * answers how many rows it inserted (1 or 0). PostgreSQL makes a concurrent insert
     * with the same key or email wait until the first commits and then skip, so the
     * caller can read the row that won instead of failing on the constraint.
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO customer (id, name, email, status, credit_limit_cents, creation_key)
            VALUES (:id, :name, :email, :status, :creditLimitCents, :creationKey)
            ON CONFLICT DO NOTHING""")
    int insertIfAbsent(UUID id, String name, String email, String status, long creditLimitCents, String creationKey);

}
