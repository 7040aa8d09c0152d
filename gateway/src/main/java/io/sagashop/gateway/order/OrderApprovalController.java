package io.sagashop.gateway.order;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.sagashop.contracts.order.SagaState;
import io.sagashop.gateway.identity.Operator;
import io.sagashop.gateway.problem.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/**
 * An operator's decision on an order that waits for approval; the saga carries on (or
 * compensates) after it.
 */
@RestController
@RequestMapping("/api/operator/orders/{orderId}")
@Tag(name = "operator")
class OrderApprovalController {

    private final OrderSagas sagas;

    OrderApprovalController(OrderSagas sagas) {
        this.sagas = sagas;
    }

    @PostMapping("/approve")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Operators only: approve an order that waits for approval; it proceeds to payment",
            description = "Needs the role OPERATOR (403 otherwise). 202 once the saga has carried on; 409 when the "
                    + "order does not wait for approval")
    @ProblemResponses({ HttpStatus.NOT_FOUND, HttpStatus.CONFLICT, HttpStatus.SERVICE_UNAVAILABLE })
    Mono<ResponseEntity<SagaState>> approve(Operator operator, @PathVariable UUID orderId,
            @Valid @RequestBody(required = false) ApprovalRequest request) {
        return sagas.approve(operator.name(), orderId, commentOf(request))
            .map(state -> ResponseEntity.accepted().body(state));
    }

    @PostMapping("/reject")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Operators only: reject an order that waits for approval; it is cancelled and compensated",
            description = "Needs the role OPERATOR (403 otherwise). 202 once the saga has compensated; 409 when "
                    + "the order does not wait for approval")
    @ProblemResponses({ HttpStatus.NOT_FOUND, HttpStatus.CONFLICT, HttpStatus.SERVICE_UNAVAILABLE })
    Mono<ResponseEntity<SagaState>> reject(Operator operator, @PathVariable UUID orderId,
            @Valid @RequestBody(required = false) ApprovalRequest request) {
        return sagas.reject(operator.name(), orderId, commentOf(request))
            .map(state -> ResponseEntity.accepted().body(state));
    }

    private static String commentOf(ApprovalRequest request) {
        return request == null ? "" : request.commentOrEmpty();
    }

}
