package io.sagashop.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

/**
 * Token buckets in memory, one per caller: the principal's subject once authentication
 * has run (a person's Bearer token and session share one), else the client's address as
 * the server sees it. The address is the socket's unless Boot's
 * {@code server.forward-headers-strategy} is configured for a trusted proxy, so a client
 * cannot pick another address with a header. Health probes are never limited: a probe
 * refused would restart a gateway that is fine.
 *
 * <p>
 * Runs inside the security filter chain, after authentication and before authorization,
 * so callers without a token are limited before they are refused. Not a bean, so that
 * WebFlux does not run it a second time outside the chain.
 */
public final class RateLimitFilter implements WebFilter {

    private static final String HEALTH = "/actuator/health";

    private final Buckets principals;

    private final Buckets addresses;

    public RateLimitFilter(RateLimitProperties properties) {
        this.principals = new Buckets(properties.perPrincipal(), properties.maxTracked());
        this.addresses = new Buckets(properties.perAddress(), properties.maxTracked());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.equals(HEALTH) || path.startsWith(HEALTH + "/")) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
            .map(Principal::getName)
            .map(principals::take)
            .switchIfEmpty(Mono.fromSupplier(() -> addresses.take(address(exchange))))
            .flatMap(probe -> probe.isConsumed() ? chain.filter(exchange)
                    : Mono.error(new TooManyRequestsException(retryAfterSeconds(probe))));
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    /** Whole seconds, rounded up: a client that waits that long finds a token. */
    private static long retryAfterSeconds(ConsumptionProbe probe) {
        return Math.max(1,
                (probe.getNanosToWaitForRefill() + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    /**
     * The buckets of one kind of key. A bucket untouched for as long as it takes to fill
     * up is full again, so forgetting it then loses nothing.
     */
    private static final class Buckets {

        private final Bandwidth limit;

        private final Cache<String, Bucket> byKey;

        Buckets(RateLimitProperties.Limit limit, long maxTracked) {
            this.limit = Bandwidth.builder()
                .capacity(limit.capacity())
                .refillGreedy(limit.refillTokens(), limit.refillPeriod())
                .build();
            Duration idle = limit.timeToFill();
            this.byKey = Caffeine.newBuilder().maximumSize(maxTracked).expireAfterAccess(idle).build();
        }

        ConsumptionProbe take(String key) {
            return byKey.get(key, unused -> Bucket.builder().addLimit(limit).build()).tryConsumeAndReturnRemaining(1);
        }

    }

}
