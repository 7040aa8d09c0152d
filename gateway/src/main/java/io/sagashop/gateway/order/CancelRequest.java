package io.sagashop.gateway.order;

import io.sagashop.problem.validation.Reason;

/** A shopper's cancellation; the body and its reason are optional. */
record CancelRequest(@Reason String reason) {

    static final String DEFAULT_REASON = "Cancelled by the shopper";

    String reasonOrDefault() {
        return reason == null || reason.isBlank() ? DEFAULT_REASON : reason.strip();
    }
}
