package io.sagashop.payment.charge;

import java.util.Map;

import org.springframework.http.HttpStatus;

import io.sagashop.payment.processor.DeclineCode;
import io.sagashop.problem.ProblemException;

/** The issuer refused the charge (422). The decline is recorded; its type says why. */
class PaymentDeclinedException extends ProblemException {

    PaymentDeclinedException(PaymentResponse payment, DeclineCode declineCode) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, declineCode.problemType(),
                declineCode.description() + " for order " + payment.orderId(),
                Map.of("paymentId", payment.paymentId(), "orderId", payment.orderId(), "declineCode", declineCode));
    }

}
