package io.sagashop.order.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.sagashop.support.currency.ShopCurrencies;
import io.sagashop.problem.IdempotencyConflictException;

@Service
class OrderService {

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final OrderRepository orders;

    private final ShopCurrencies currencies;

    private final Clock clock;

    private final TransactionTemplate writeTransaction;

    private final TransactionTemplate readTransaction;

    OrderService(OrderRepository orders, ShopCurrencies currencies, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.orders = orders;
        this.currencies = currencies;
        this.clock = clock;
        this.writeTransaction = new TransactionTemplate(transactionManager);
        this.readTransaction = new TransactionTemplate(transactionManager);
        this.readTransaction.setReadOnly(true);
    }

    /**
     * Creates the order, or answers a repeated request with the order it created. Two
     * first requests racing for the same id both find nothing and both insert; the
     * primary key lets one win and the other fail once the winner commits. The loser
     * cannot continue in its failed transaction, so it re-reads in a new one (which under
     * READ COMMITTED sees the winner's row) and answers as a replay.
     */
    CreateOutcome create(UUID orderId, CreateOrderRequest request) {
        try {
            return writeTransaction.execute(status -> orders.findById(orderId)
                .map(existing -> replay(existing, request))
                .orElseGet(() -> insert(orderId, request)));
        }
        catch (DataIntegrityViolationException ex) {
            return readTransaction.execute(status -> orders.findById(orderId)
                .map(existing -> replay(existing, request))
                .orElseThrow(() -> ex));
        }
    }

    private CreateOutcome insert(UUID orderId, CreateOrderRequest request) {
        Order order = orders.saveAndFlush(new Order(orderId, request.customerId(), request.orderLines(), now()));
        log.info("Order {} created for customer {} with {} lines", orderId, request.customerId(), order.lines().size());
        return new CreateOutcome(OrderResponse.of(order), true);
    }

    private CreateOutcome replay(Order existing, CreateOrderRequest request) {
        if (!existing.isCreatedBy(request.customerId(), request.orderLines())) {
            throw new IdempotencyConflictException(existing.id().toString());
        }
        return new CreateOutcome(OrderResponse.of(existing), false);
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

    record CreateOutcome(OrderResponse order, boolean created) {
    }

}
