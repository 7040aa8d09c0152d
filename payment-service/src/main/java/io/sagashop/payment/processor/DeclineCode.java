package io.sagashop.payment.processor;

/**
 * Why a charge was refused. The problem type is what callers branch on; the code, stored
 * with the decline and sent beside the type, tells the reasons that share a type apart.
 */
public enum DeclineCode {

    CARD_DECLINED("card-declined", "The card was declined by its issuer"),
    INSUFFICIENT_FUNDS("insufficient-funds", "The card was declined for insufficient funds"),

    /**
     * The processor never issued the token. For the shopper it is a declined card (pay
     * with another one), as a real provider declines a token it does not know; it is not
     * a broken request.
     */
    UNKNOWN_TOKEN("card-declined", "The card was declined: the card processor does not know its payment token");

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
