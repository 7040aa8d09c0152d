package io.sagashop.payment.charge;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import io.sagashop.problem.ProblemException;

/**
 * The order was compensated before it was charged; charging it now would take money for a
 * cancelled order.
 */
class PaymentVoidedException extends ProblemException {

    PaymentVoidedException(UUID orderId, UUID paymentId) {
        super(HttpStatus.CONFLICT, "payment-voided",
                "The payment of order " + orderId + " was voided by a refund; the order can no longer be charged",
                Map.of("orderId", orderId, "paymentId", paymentId));
    }

}
