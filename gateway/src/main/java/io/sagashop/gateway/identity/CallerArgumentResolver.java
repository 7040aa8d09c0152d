package io.sagashop.gateway.identity;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;

import io.sagashop.problem.ForbiddenException;
import io.sagashop.problem.UnauthorizedException;
import reactor.core.publisher.Mono;

/**
 * Decides who is calling from the authenticated token, whichever kind it is (an API
 * client's Bearer token, a browser session's ID token): the only class that turns one
 * into a {@link Shopper}, an {@link Operator}, a {@link Reader} or a {@link Caller}. A
 * caller that is not what the handler needs is refused with 403: a client acting for
 * nobody (client credentials) is no shopper, a shopper is no operator.
 */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    static final String SHOPPER_ROLE = "SHOPPER";

    static final String OPERATOR_ROLE = "OPERATOR";

    // UUID.fromString also takes abbreviated forms such as 1-1-1-1-1; a customer id is
    // spelled one way.
    private static final Pattern CANONICAL_UUID = Pattern
        .compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type == Shopper.class || type == Operator.class || type == Reader.class || type == Caller.class;
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
            ServerWebExchange exchange) {
        Class<?> type = parameter.getParameterType();
        return exchange.getPrincipal()
            .filter(Authentication.class::isInstance)
            .cast(Authentication.class)
            .switchIfEmpty(Mono.error(() -> new UnauthorizedException(UnauthorizedException.DETAIL, "Bearer")))
            .map(Caller::of)
            .map(caller -> type == Shopper.class ? shopper(caller)
                    : type == Operator.class ? operator(caller) : type == Reader.class ? reader(caller) : caller);
    }

    private static Shopper shopper(Caller caller) {
        if (!caller.hasRole(SHOPPER_ROLE) || !CANONICAL_UUID.matcher(caller.subject()).matches()) {
            throw new ForbiddenException();
        }
        return new Shopper(UUID.fromString(caller.subject()));
    }

    /** An operator, else the shopper: an operator who also shops reads as an operator. */
    private static Reader reader(Caller caller) {
        return caller.hasRole(OPERATOR_ROLE) ? Reader.operator() : new Reader(shopper(caller).customerId());
    }

    private static Operator operator(Caller caller) {
        if (!caller.hasRole(OPERATOR_ROLE)) {
            throw new ForbiddenException();
        }
        return new Operator(caller.name() != null ? caller.name() : caller.subject());
    }

}
