package io.sagashop.gateway.identity;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;

import io.sagashop.problem.InvalidRequestException;
import reactor.core.publisher.Mono;

/**
 * Decides who is calling. Until authentication arrives, shoppers name themselves with
 * {@code X-Customer-Id} and operators with {@code X-Operator}; this is the only class
 * that reads those headers, so replacing it with JWT claims changes nothing else. A
 * missing or malformed identity is a 400 naming the header.
 */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    static final String CUSTOMER_HEADER = "X-Customer-Id";
    static final String OPERATOR_HEADER = "X-Operator";

    private static final Pattern CANONICAL_UUID = Pattern
        .compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    private static final Pattern OPERATOR_NAME = Pattern.compile("[\\p{L}\\p{N} ._'@-]{1,100}");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type == Shopper.class || type == Operator.class;
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
            ServerWebExchange exchange) {
        return Mono
            .fromCallable(() -> parameter.getParameterType() == Shopper.class ? shopper(exchange) : operator(exchange));
    }

    private static Shopper shopper(ServerWebExchange exchange) {
        String value = exchange.getRequest().getHeaders().getFirst(CUSTOMER_HEADER);
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(CUSTOMER_HEADER, "is required");
        }
        // UUID.fromString also takes abbreviated forms such as 1-1-1-1-1; an identity
        // must be spelled one way.
        if (!CANONICAL_UUID.matcher(value.strip()).matches()) {
            throw new InvalidRequestException(CUSTOMER_HEADER, "must be a UUID");
        }
        return new Shopper(UUID.fromString(value.strip()));
    }

    private static Operator operator(ServerWebExchange exchange) {
        String value = exchange.getRequest().getHeaders().getFirst(OPERATOR_HEADER);
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(OPERATOR_HEADER, "is required");
        }
        if (!OPERATOR_NAME.matcher(value.strip()).matches()) {
            throw new InvalidRequestException(OPERATOR_HEADER, "must be 1 to 100 letters, digits, spaces or . _ ' @ -");
        }
        return new Operator(value.strip());
    }

}
