package io.sagashop.gateway.order;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import io.sagashop.problem.ProblemException;

/** The order does not wait for an approval (any more); the detail says why. */
class ApprovalRefusedException extends ProblemException {

    ApprovalRefusedException(UUID orderId, String reason) {
        super(HttpStatus.CONFLICT, "approval-refused", reason, Map.of("orderId", orderId));
    }

}
