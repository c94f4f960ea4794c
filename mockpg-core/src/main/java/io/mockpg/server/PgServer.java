package io.mockpg.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The Netty server: one listening socket, a few event loops, a pipeline per connection
 * of startup decoder → startup handler (replaced by the session handler once authenticated).
 */
public final class PgServer implements AutoCloseable {
    private final ServerContext context;
    private final EventLoopGroup group;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private Channel listener;

    /** @param eventLoopThreads threads serving connections; see {@link #defaultEventLoopThreads()} */
    public PgServer(ServerContext context, int eventLoopThreads) {
        this.context = context;
        this.group = new NioEventLoopGroup(eventLoopThreads);
    }

    /**
     * Half the cores: the application under test and its test runner share the machine with
     * the server, and one loop answers tens of thousands of statements a second (pgbench
     * -M prepared on 2 cores: 1 thread 57-71k TPS, 2 threads 51-65k TPS).
     */
    public static int defaultEventLoopThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /** Binds and starts accepting; returns the bound address. */
    public InetSocketAddress start(String host, int port) throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connections.add(channel);
                        channel.pipeline()
                                .addLast("startup-decoder", new io.mockpg.protocol.codec.StartupDecoder(
                                        context.maxMessageSize()))
                                .addLast("startup", new StartupHandler(context));
                    }
                });
        try {
            listener = bootstrap.bind(host, port).sync().channel();
        } catch (RuntimeException | InterruptedException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
        return (InetSocketAddress) listener.localAddress();
    }

    public SessionRegistry sessions() {
        return context.sessions();
    }

    /**
     * Drain (SPEC §5.9): stop accepting, end idle sessions with 57P01, let busy ones finish
     * their transaction and batch, force-close what is left after the timeout.
     */
    public void drain(Duration timeout) {
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
        context.sessions().all().forEach(SessionHandler::drain);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!connections.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        connections.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
