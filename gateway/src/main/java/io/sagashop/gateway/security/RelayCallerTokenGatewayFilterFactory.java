package io.sagashop.gateway.security;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.stereotype.Component;

/**
 * The route filter {@code RelayCallerToken}: the service behind the route gets the
 * caller's access token ({@link CallerTokenRelay}).
 */
@Component
class RelayCallerTokenGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private final CallerTokenRelay relay;

    RelayCallerTokenGatewayFilterFactory(CallerTokenRelay relay) {
        super(Object.class);
        this.relay = relay;
    }

    @Override
    public GatewayFilter apply(Object config) {
        return (exchange, chain) -> relay.onto(exchange).flatMap(chain::filter);
    }

}
