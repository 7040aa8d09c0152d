package io.sagashop.order.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.sagashop.problem.IdempotencyConflictException;
import io.sagashop.support.currency.ShopCurrencies;
import io.sagashop.support.idempotency.IdempotentWrites;
import io.sagashop.support.idempotency.Written;

@Service
class OrderService {

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final OrderRepository orders;

    private final ShopCurrencies currencies;

    private final Clock clock;

    private final IdempotentWrites writes;

    OrderService(OrderRepository orders, ShopCurrencies currencies, Clock clock, IdempotentWrites writes) {
        this.orders = orders;
        this.currencies = currencies;
        this.clock = clock;
        this.writes = writes;
    }

    /**
     * Creates the order PENDING under the caller's id, or answers a repeated request with
     * the order it created.
     * @throws IdempotencyConflictException when the id holds another order
     */
    Written<OrderResponse> create(UUID orderId, CreateOrderRequest request) {
        return writes.firstWrite(() -> orders.findById(orderId).map(existing -> replay(existing, request)), () -> {
            Order order = orders.saveAndFlush(new Order(orderId, request.customerId(), request.orderLines(), now()));
            log.info("Order {} created for customer {} with {} lines", orderId, request.customerId(),
                    order.lines().size());
            return OrderResponse.of(order);
        });
    }

    private static OrderResponse replay(Order existing, CreateOrderRequest request) {
        if (!existing.isCreatedBy(request.customerId(), request.orderLines())) {
            throw new IdempotencyConflictException(existing.id().toString());
        }
        return OrderResponse.of(existing);
    }

    @Transactional(readOnly = true)
    OrderResponse get(UUID orderId) {
        return orders.findById(orderId).map(OrderResponse::of).orElseThrow(() -> new OrderNotFoundException(orderId));
    }

    @Transactional(readOnly = true)
    OrderPage listByCustomer(UUID customerId, int page, int size) {
        Page<Order> found = orders.findByCustomerId(customerId, PageRequest.of(page, size, NEWEST_FIRST));
        return new OrderPage(found.map(OrderResponse::of).getContent(), page, size, found.getTotalElements());
    }

    @Transactional
    OrderResponse awaitApproval(UUID orderId, AwaitApprovalRequest request) {
        Order order = lock(orderId);
        order.awaitApproval(request.reason(), now());
        return saved(order);
    }

    @Transactional
    OrderResponse confirm(UUID orderId, ConfirmOrderRequest request) {
        currencies.requireSupported(request.currency());
        Order order = lock(orderId);
        order.confirm(request.confirmation(), now());
        return saved(order);
    }

    @Transactional
    OrderResponse cancel(UUID orderId, CancelOrderRequest request) {
        Order order = lock(orderId);
        order.cancel(request.reason(), now());
        return saved(order);
    }

    private Order lock(UUID orderId) {
        return orders.findForUpdate(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
    }

    /**
     * Flushes here so that a violated constraint fails this request rather than surfacing
     * at commit.
     */
    private OrderResponse saved(Order order) {
        orders.flush();
        log.info("Order {} is {}", order.id(), order.status());
        return OrderResponse.of(order);
    }

    private Instant now() {
        return clock.instant();
    }

}
