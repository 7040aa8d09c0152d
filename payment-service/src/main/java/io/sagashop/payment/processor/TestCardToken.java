package io.sagashop.payment.processor;

import java.util.Arrays;
import java.util.Optional;

/**
 * The card tokens the simulated processor understands. A real shop would receive such a
 * token from its payment provider's browser SDK instead of card details; here each token
 * picks the outcome a demo wants to show. Any other token is declined with
 * {@link DeclineCode#UNKNOWN_TOKEN}, as a real processor declines a token it never
 * issued.
 */
public enum TestCardToken {

    /** The charge succeeds. */
    VISA("tok_visa", "the charge succeeds"),

    /**
     * The issuer declines the card: the decline is recorded and answered 422
     * {@code card-declined}.
     */
    DECLINED("tok_declined", "the card is declined: 422 card-declined"),

    /**
     * The issuer declines for lack of funds: recorded and answered 422
     * {@code insufficient-funds}.
     */
    INSUFFICIENT_FUNDS("tok_insufficient_funds", "the card is declined for lack of funds: 422 insufficient-funds"),

    /**
     * The processor is unavailable (503 {@code processor-unavailable},
     * {@code Retry-After: 1}) for the first {@code sagashop.payment.flaky-failures}
     * charge attempts of an order, then the charge succeeds. Shows the saga's retries.
     */
    FLAKY("tok_flaky", "the processor is unavailable (503 processor-unavailable) for the first "
            + "sagashop.payment.flaky-failures (default 2) attempts of an order, then the charge succeeds");

    private final String token;

    private final String behaviour;

    TestCardToken(String token, String behaviour) {
        this.token = token;
        this.behaviour = behaviour;
    }

    /** The token as clients send it and as it is stored. */
    public String token() {
        return token;
    }

    /** What the simulated processor does with this token, for the API description. */
    public String behaviour() {
        return behaviour;
    }

    /** The test token a client sent, or empty for any other token. */
    public static Optional<TestCardToken> of(String token) {
        return Arrays.stream(values()).filter(candidate -> candidate.token.equals(token)).findFirst();
    }

}
