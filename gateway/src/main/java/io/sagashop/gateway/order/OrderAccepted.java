package io.sagashop.gateway.order;

import java.net.URI;
import java.util.UUID;

import io.sagashop.contracts.order.OrderStatus;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to placing an order. The same request answers the same body, however often
 * it is repeated.
 *
 * @param status the status the order was accepted in; the saga URL tells where it stands
 * now
 * @param sagaUrl where to follow the saga step by step, relative to the gateway
 * @param temporalUiUrl the order's run in the Temporal Web UI
 */
record OrderAccepted(UUID orderId, String workflowId, OrderStatus status,
        @Schema(type = "string", format = "uri-reference") URI sagaUrl, URI temporalUiUrl) {
}
