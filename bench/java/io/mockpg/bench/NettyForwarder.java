package io.mockpg.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The recorder's ceiling (bench/record.sh): a TCP forwarder on Netty shaped like
 * {@code mockpg record} (epoll, as many event loops, TCP_NODELAY, each client with its own
 * upstream connection on its event loop, each read forwarded as it came and flushed at the
 * read's end) that does nothing else: no protocol, no decoding, no recording. Whatever the
 * recorder spends beyond it is recording; whatever it spends beyond PgBouncer is Netty's.
 *
 * <pre>java -cp ... io.mockpg.bench.NettyForwarder UPSTREAM_HOST UPSTREAM_PORT PORT_FILE</pre>
 */
public final class NettyForwarder {
    private NettyForwarder() {
    }

    public static void main(String[] args) throws Exception {
        String upstreamHost = args[0];
        int upstreamPort = Integer.parseInt(args[1]);
        // the recorder's count: half the CPUs, at least one
        EventLoopGroup loops = new EpollEventLoopGroup(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        Channel listening = new ServerBootstrap().group(loops).channel(EpollServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel client) {
                        client.pipeline().addLast(new ClientSide(upstreamHost, upstreamPort));
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
        int port = ((InetSocketAddress) listening.localAddress()).getPort();
        Files.writeString(Path.of(args[2]), port + "\n", StandardCharsets.US_ASCII);
        listening.closeFuture().sync();
    }

    /** Forwards what one side reads to the other, flushing at the end of each read. */
    private static class Relay extends ChannelInboundHandlerAdapter {
        Channel other;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            other.write(msg, other.voidPromise());
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            other.flush();
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            other.config().setAutoRead(ctx.channel().isWritable());
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (other != null) {
                other.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** A client: its own upstream connection on its event loop, then both relayed. */
    private static final class ClientSide extends Relay {
        private final String upstreamHost;
        private final int upstreamPort;

        ClientSide(String upstreamHost, int upstreamPort) {
            this.upstreamHost = upstreamHost;
            this.upstreamPort = upstreamPort;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            Channel client = ctx.channel();
            Relay upstreamSide = new Relay();
            upstreamSide.other = client;
            new Bootstrap().group(client.eventLoop()).channel(EpollSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(upstreamSide)
                    .connect(upstreamHost, upstreamPort).addListener((ChannelFutureListener) connected -> {
                        if (connected.isSuccess()) {
                            other = connected.channel();
                            client.config().setAutoRead(true);
                        } else {
                            client.close();
                        }
                    });
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (other == null) {
                ReferenceCountUtil.release(msg);
                return;
            }
            super.channelRead(ctx, msg);
        }
    }
}
