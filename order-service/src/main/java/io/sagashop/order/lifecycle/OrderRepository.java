package io.sagashop.order.lifecycle;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

interface OrderRepository extends JpaRepository<Order, UUID> {

    /**
     * Locks the order's row until the transaction ends, so concurrent transitions of one
     * order run one after the other and each sees the status the previous one left.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from Order o where o.id = :id")
    Optional<Order> findForUpdate(UUID id);

    Page<Order> findByCustomerId(UUID customerId, Pageable pageable);

}
