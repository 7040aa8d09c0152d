package io.sagashop.contracts.order;

/** An operator's decision on an order that waits for approval. */
public record ApprovalDecision(String operator, String comment) {
}
