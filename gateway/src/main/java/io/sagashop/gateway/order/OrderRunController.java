package io.sagashop.gateway.order;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.sagashop.contracts.order.OrderStatus;
import io.sagashop.gateway.identity.Operator;
import io.sagashop.gateway.problem.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

/**
 * Every shopper's orders for an operator, as Temporal lists their runs: the ones waiting
 * for approval, a customer's, all of them.
 */
@RestController
@Tag(name = "operator")
class OrderRunController {

    // Temporal's tokens are a few dozen bytes; this bounds what is decoded and sent on.
    private static final int MAX_PAGE_TOKEN = 1024;

    private final OrderRuns runs;

    OrderRunController(OrderRuns runs) {
        this.runs = runs;
    }

    @GetMapping("/api/operator/orders")
    @Operation(
            summary = "Operators only: every customer's orders from Temporal's visibility, newest first, "
                    + "by status and customer; a page's nextPageToken asks for the next one. "
                    + "Eventually consistent: a change of a moment ago may not show yet",
            description = "Needs the role OPERATOR (403 otherwise)")
    @ProblemResponses(HttpStatus.SERVICE_UNAVAILABLE)
    Mono<OrderRunPage> orders(Operator operator,
            @Parameter(description = "only orders in this status") @RequestParam(
                    required = false) @Nullable OrderStatus status,
            @Parameter(description = "only this customer's orders") @RequestParam(
                    required = false) @Nullable UUID customerId,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int pageSize,
            @Parameter(description = "the nextPageToken of the page before") @RequestParam(
                    required = false) @Nullable @Size(min = 1, max = MAX_PAGE_TOKEN,
                            message = InvalidPageTokenException.REASON) @Pattern(regexp = "[A-Za-z0-9_-]+",
                                    message = InvalidPageTokenException.REASON) String pageToken) {
        return runs.list(status, customerId, pageSize, pageToken);
    }

}
