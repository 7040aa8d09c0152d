package io.sagashop.notification.inbox;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface NotificationRepository extends Repository<Notification, UUID> {

    /**
     * Records the notification unless one exists for its order and kind; answers 1 when
     * this call recorded it. A concurrent first request with the same key makes this
     * statement wait for that transaction and then do nothing, so a following read in the
     * same READ COMMITTED transaction sees the winner's row.
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO notification (id, order_id, customer_id, kind, channel, message, created_at)
            VALUES (:id, :orderId, :customerId, :kind, :channel, :message, :createdAt)
            ON CONFLICT ON CONSTRAINT notification_one_per_order_and_kind DO NOTHING""")
    int insertIfAbsent(UUID id, UUID orderId, UUID customerId, String kind, String channel, String message,
            Instant createdAt);

    Optional<Notification> findByOrderIdAndKind(UUID orderId, NotificationKind kind);

    Page<Notification> findByCustomerId(UUID customerId, Pageable pageable);

    Page<Notification> findByOrderId(UUID orderId, Pageable pageable);

}
