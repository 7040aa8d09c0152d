package io.sagashop.gateway.order;

import jakarta.validation.constraints.Size;

/** A shopper's cancellation; the body and its reason are optional. */
record CancelRequest(@Size(max = 500, message = "must be at most 500 characters") @NoControlCharacters String reason) {

    static final String DEFAULT_REASON = "Cancelled by the shopper";

    String reasonOrDefault() {
        return reason == null || reason.isBlank() ? DEFAULT_REASON : reason.strip();
    }
}
