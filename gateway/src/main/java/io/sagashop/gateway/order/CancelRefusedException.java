package io.sagashop.gateway.order;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import io.sagashop.problem.ProblemException;

/**
 * The order can no longer be cancelled (it is being charged, or it is final); the detail
 * says why.
 */
class CancelRefusedException extends ProblemException {

    CancelRefusedException(UUID orderId, String reason) {
        super(HttpStatus.CONFLICT, "cancel-refused", reason, Map.of("orderId", orderId));
    }

}
