package io.sagashop.gateway.order;

import io.sagashop.problem.validation.Reason;

/** An operator's decision; the comment is optional and lands in the run's history. */
record ApprovalRequest(@Reason String comment) {

    String commentOrEmpty() {
        return comment == null ? "" : comment.strip();
    }
}
