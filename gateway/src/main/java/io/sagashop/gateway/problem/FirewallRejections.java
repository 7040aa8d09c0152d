package io.sagashop.gateway.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import io.sagashop.problem.InvalidRequestException;
import io.sagashop.problem.Reasons;
import reactor.core.publisher.Mono;

/**
 * Answers what Spring Security's firewall refuses before any token is read (a path with
 * {@code ;}, {@code //}, {@code ..} or an encoded {@code %}, {@code .} or {@code /}) with
 * the 400 problem of every other bad request, as the services do, instead of an empty
 * 400: the problem handler writes it.
 */
@Component
class FirewallRejections implements ServerExchangeRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(FirewallRejections.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejection) {
        log.debug("Refusing {} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                rejection.getMessage());
        boolean path = String.valueOf(rejection.getMessage()).contains("URL");
        return Mono
            .error(path ? new InvalidRequestException("path", Reasons.NORMALIZED_PATH) : new InvalidRequestException(
                    "request", "holds a method, host, header or parameter the gateway refuses"));
    }

}
