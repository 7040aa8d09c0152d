package io.sagashop.gateway.order;

import jakarta.validation.constraints.Size;

/** An operator's decision; the comment is optional and lands in the run's history. */
record ApprovalRequest(
        @Size(max = 500, message = "must be at most 500 characters") @NoControlCharacters String comment) {

    String commentOrEmpty() {
        return comment == null ? "" : comment.strip();
    }
}
