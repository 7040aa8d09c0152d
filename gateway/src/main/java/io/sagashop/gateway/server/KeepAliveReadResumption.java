package io.sagashop.gateway.server;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Asks for the next request on a keep-alive connection each time a response has been
 * written. Reactor Netty 1.3.6 reads on demand and can forget to: when a request arrives
 * before the previous one's handling has ended (its response written from another thread,
 * as after a token check or a Temporal call) and is then answered at once, the connection
 * stops reading and the client's next request waits forever (reactor/reactor-netty#4361,
 * fixed after 1.3.8). A browser on one connection meets this as a hung page. A surplus
 * read request is harmless: the server still decides what to do with what arrives. Remove
 * once Boot brings a Reactor Netty with the fix ({@code KeepAliveTest} keeps watch).
 */
@Component
class KeepAliveReadResumption implements NettyServerCustomizer {

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline()
                    .addAfter(NettyPipeline.HttpCodec, "sagashop.keepAliveReadResumption", ResumeReading.INSTANCE);
            }
        });
    }

    @ChannelHandler.Sharable
    private static final class ResumeReading extends ChannelOutboundHandlerAdapter {

        static final ResumeReading INSTANCE = new ResumeReading();

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof LastHttpContent) {
                ctx.write(msg, promise.unvoid()).addListener(written -> ctx.channel().read());
                return;
            }
            ctx.write(msg, promise);
        }

    }

}
