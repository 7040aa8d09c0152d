package io.sagashop.order.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.sagashop.problem.IdempotencyConflictException;

/** The aggregate's rules without HTTP or a database. */
class OrderTest {

    private static final Instant CREATED = Instant.parse("2025-05-01T10:00:00Z");

    private static final Instant LATER = CREATED.plusSeconds(60);

    private final Order order = new Order(UUID.randomUUID(), UUID.randomUUID(),
            List.of(new OrderLine("COF-ESPRESSO-250", 2)), CREATED);

    @Test
    void startsPendingWithOneHistoryEntry() {
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.history()).extracting(OrderStatusChange::status).containsExactly(OrderStatus.PENDING);
        assertThat(order.updatedAt()).isEqualTo(CREATED);
    }

    @Test
    void confirmationRecordsPaymentAndAppendsHistory() {
        Confirmation confirmation = new Confirmation(UUID.randomUUID(), UUID.randomUUID(), 2_450, "EUR");

        order.confirm(confirmation, LATER);

        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.paymentId()).isEqualTo(confirmation.paymentId());
        assertThat(order.reservationId()).isEqualTo(confirmation.reservationId());
        assertThat(order.totalCents()).isEqualTo(2_450L);
        assertThat(order.updatedAt()).isEqualTo(LATER);
        assertThat(order.history()).extracting(OrderStatusChange::status)
            .containsExactly(OrderStatus.PENDING, OrderStatus.CONFIRMED);
    }

    @Test
    void repeatingATransitionWithTheSameValuesChangesNothing() {
        Confirmation confirmation = new Confirmation(UUID.randomUUID(), UUID.randomUUID(), 2_450, "EUR");
        order.confirm(confirmation, LATER);

        order.confirm(confirmation, LATER.plusSeconds(60));

        assertThat(order.updatedAt()).isEqualTo(LATER);
        assertThat(order.history()).hasSize(2);
    }

    @Test
    void repeatingATransitionWithOtherValuesIsRefused() {
        order.cancel("Out of stock", LATER);

        assertThatThrownBy(() -> order.cancel("Card declined", LATER)).isInstanceOf(IdempotencyConflictException.class);
        assertThat(order.cancelReason()).isEqualTo("Out of stock");
    }

    @Test
    void finalStatusesAreFinal() {
        order.cancel("Out of stock", LATER);

        assertThatThrownBy(() -> order.confirm(new Confirmation(UUID.randomUUID(), UUID.randomUUID(), 1, "EUR"), LATER))
            .isInstanceOfSatisfying(IllegalTransitionException.class,
                    ex -> assertThat(ex.properties()).containsEntry("from", "CANCELLED")
                        .containsEntry("to", "CONFIRMED"));
        assertThatThrownBy(() -> order.awaitApproval("Large order", LATER))
            .isInstanceOf(IllegalTransitionException.class);
        assertThat(order.history()).extracting(OrderStatusChange::status)
            .containsExactly(OrderStatus.PENDING, OrderStatus.CANCELLED);
    }

    @Test
    void onlyPendingOrdersStartWaitingForApproval() {
        order.awaitApproval("Large order", LATER);
        order.awaitApproval("Large order", LATER);

        assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_APPROVAL);
        assertThat(order.history()).hasSize(2);
        assertThat(OrderStatus.AWAITING_APPROVAL.canBecome(OrderStatus.PENDING)).isFalse();
        assertThat(OrderStatus.AWAITING_APPROVAL.canBecome(OrderStatus.AWAITING_APPROVAL)).isFalse();
    }

}
