package io.sagashop.payment.processor;

/**
 * Why the card issuer refused a charge. Each reason is its own problem type, so callers
 * can tell them apart.
 */
public enum DeclineCode {

    CARD_DECLINED("card-declined", "The card was declined by its issuer"),
    INSUFFICIENT_FUNDS("insufficient-funds", "The card was declined for insufficient funds");

    private final String problemType;

    private final String description;

    DeclineCode(String problemType, String description) {
        this.problemType = problemType;
        this.description = description;
    }

    public String problemType() {
        return problemType;
    }

    public String description() {
        return description;
    }

}
