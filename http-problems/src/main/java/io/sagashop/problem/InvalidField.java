package io.sagashop.problem;

/**
 * One rejected input: {@code field} is the JSON path ({@code lines[0].quantity}), header
 * or parameter name.
 */
public record InvalidField(String field, String reason) {
}
