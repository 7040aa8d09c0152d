package io.sagashop.worker.saga;

/**
 * An ordinary end of the saga (a business refusal, a spent retry budget, an operator's
 * rejection, no approval in time, the shopper's cancel): the run returns a CANCELLED
 * outcome with the failure's type.
 */
final class SagaCancelled extends SagaEnding {

    SagaCancelled(String failureType, String reason) {
        super(failureType, reason);
    }

}
