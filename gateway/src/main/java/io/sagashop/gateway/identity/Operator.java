package io.sagashop.gateway.identity;

/**
 * The operator calling an operator endpoint; a handler method declares a parameter of
 * this type to require one.
 */
public record Operator(String name) {
}
