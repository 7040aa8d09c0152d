package io.sagashop.gateway.identity;

/**
 * The operator calling an operator endpoint (role {@code OPERATOR}); a handler method
 * declares a parameter of this type to require one.
 *
 * @param name how the run's history names who decided: the token's {@code name}, else its
 * subject
 */
public record Operator(String name) {
}
