package io.sagashop.gateway.problem;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.sagashop.problem.HeadersTooLargeException;
import io.sagashop.problem.ProblemJson;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Headers over the limit are refused by Reactor Netty while it decodes the request,
 * before any WebFlux handler runs, with a 431 and an empty body. This gives that answer
 * the problem the services' Tomcat gives, by filling the body of the one response Netty
 * writes for it.
 */
@Component
class DecodingFailureProblems implements NettyServerCustomizer {

    private final byte[] headersTooLarge;

    DecodingFailureProblems(ServerProperties server) {
        this.headersTooLarge = ProblemJson
            .bytes(new HeadersTooLargeException(server.getMaxHttpRequestHeaderSize().toBytes()).toProblemDetail());
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline()
                    .addAfter(NettyPipeline.HttpCodec, "sagashop.decodingFailureProblems",
                            new Handler(headersTooLarge));
            }
        });
    }

    @ChannelHandler.Sharable
    private static final class Handler extends ChannelOutboundHandlerAdapter {

        private final byte[] headersTooLarge;

        Handler(byte[] headersTooLarge) {
            this.headersTooLarge = headersTooLarge;
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            // Only Netty's own answer to a failed decoding is a full 431 without a body;
            // WebFlux's carry one.
            if (msg instanceof FullHttpResponse response && !response.content().isReadable()
                    && HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.equals(response.status())) {
                FullHttpResponse problem = response.replace(Unpooled.wrappedBuffer(headersTooLarge));
                response.release();
                problem.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, headersTooLarge.length);
                ctx.write(problem, promise);
                return;
            }
            ctx.write(msg, promise);
        }

    }

}
