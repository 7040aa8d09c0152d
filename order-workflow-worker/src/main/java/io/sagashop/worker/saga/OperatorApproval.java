package io.sagashop.worker.saga;

import io.sagashop.contracts.order.ApprovalDecision;

/**
 * Where an operator's approval of the order stands: not asked for (or no longer awaited),
 * awaited, or decided. A decision is taken once; the first one stands.
 */
sealed interface OperatorApproval {

    OperatorApproval NOT_WAITING = new NotWaiting();

    OperatorApproval WAITING = new Waiting();

    /** The wait is over: a decision stays, an open wait closes. */
    default OperatorApproval closed() {
        return this instanceof Waiting ? NOT_WAITING : this;
    }

    record NotWaiting() implements OperatorApproval {
    }

    record Waiting() implements OperatorApproval {
    }

    record Decided(ApprovalDecision decision, boolean approved) implements OperatorApproval {

        /** The decision as the saga view, the Temporal UI and the shopper read it. */
        String text() {
            String comment = decision.comment() == null || decision.comment().isBlank() ? ""
                    : ": " + decision.comment();
            return (approved ? "Approved by " : "Rejected by ") + decision.operator() + comment;
        }

    }

}
