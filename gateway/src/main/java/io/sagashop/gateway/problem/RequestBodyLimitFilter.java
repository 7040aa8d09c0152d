package io.sagashop.gateway.problem;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.sagashop.problem.RequestLimitsProperties;
import io.sagashop.problem.RequestTooLargeException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over the configured size with 413, for the gateway's own
 * endpoints and proxied routes alike. A declared Content-Length is checked before
 * anything is read; a chunked body is counted while it is read, so an oversized one fails
 * before it is buffered whole.
 */
@Component
class RequestBodyLimitFilter implements WebFilter, Ordered {

    private final long limitBytes;

    RequestBodyLimitFilter(RequestLimitsProperties limits) {
        this.limitBytes = limits.maxRequestBody().toBytes();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > limitBytes) {
            return Mono.error(new RequestTooLargeException(limitBytes));
        }
        if (declared >= 0) {
            // The server reads exactly the declared length, so a body within it cannot
            // grow past the limit.
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new CountingRequest(request, limitBytes)).build());
    }

    private static final class CountingRequest extends ServerHttpRequestDecorator {

        private final long limitBytes;

        CountingRequest(ServerHttpRequest delegate, long limitBytes) {
            super(delegate);
            this.limitBytes = limitBytes;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > limitBytes) {
                    DataBufferUtils.release(buffer);
                    sink.error(new RequestTooLargeException(limitBytes));
                }
                else {
                    sink.next(buffer);
                }
            });
        }

    }

}
