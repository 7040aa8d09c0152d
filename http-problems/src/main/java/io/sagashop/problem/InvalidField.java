package io.sagashop.problem;

/**
 * One rejected input: {@code field} is the JSON path ({@code lines[0].quantity}), header
 * or parameter name, or {@value #BODY} for a body that cannot be read at all;
 * {@code reason} reads after it ({@code must be at least 1}).
 */
public record InvalidField(String field, String reason) {

    public static final String BODY = "body";

}
