package io.sagashop.notification.inbox;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

interface NotificationRepository extends Repository<Notification, UUID> {

    <S extends Notification> S saveAndFlush(S notification);

    Optional<Notification> findByOrderIdAndKind(UUID orderId, NotificationKind kind);

    Page<Notification> findByCustomerId(UUID customerId, Pageable pageable);

    Page<Notification> findByOrderId(UUID orderId, Pageable pageable);

}
