package io.mockpg.server;

import io.mockpg.server.channel.EpollTransport;
import io.mockpg.server.channel.ServerChannel;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The Netty server: one listening socket, a few event loops, a pipeline per connection
 * of startup decoder → startup handler (replaced by the session handler once authenticated).
 */
public final class PgServer implements AutoCloseable {
    private final ServerContext context;
    private final EventLoopGroup group;
    private final boolean epoll;
    /** Open connections; a plain set rather than a ChannelGroup, whose global executor thread
     *  and classes a fresh JVM would pay for at start. */
    private final Set<Channel> connections = ConcurrentHashMap.newKeySet();
    private Channel listener;

    /**
     * @param eventLoopThreads threads serving connections; see {@link #defaultEventLoopThreads()}
     * @param nativeTransport  serve through epoll if it is available here, else NIO
     */
    public PgServer(ServerContext context, int eventLoopThreads, boolean nativeTransport) {
        this.context = context;
        this.epoll = nativeTransport && EpollTransport.available();
        this.group = epoll ? EpollTransport.newGroup(eventLoopThreads) : new NioEventLoopGroup(eventLoopThreads);
    }

    /**
     * One loop per core. pgbench -M prepared, -c 8 -j 2 on 2 cores, 4 interleaved runs each:
     * 1 loop 79-88k TPS (the loop is busy while the second core idles), 2 loops 92-100k,
     * 4 loops 82-88k.
     */
    public static int defaultEventLoopThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** "epoll" or "nio": the transport serving connections. */
    public String transport() {
        return epoll ? "epoll" : "nio";
    }

    /** Binds and starts accepting; returns the bound address. */
    public InetSocketAddress start(String host, int port) throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(epoll ? EpollTransport.serverChannel() : ServerChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                // what the JDK sets on NIO's listening sockets; epoll's must be told: a restart on
                // the same port must not wait for the last run's connections in TIME_WAIT
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connections.add(channel);
                        channel.closeFuture().addListener(closed -> connections.remove(channel));
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
        List<Channel> left = List.copyOf(connections);
        left.forEach(Channel::close);
        long closeDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        for (Channel channel : left) {
            long remaining = closeDeadline - System.nanoTime();
            if (remaining > 0) {
                channel.closeFuture().awaitUninterruptibly(TimeUnit.NANOSECONDS.toMillis(remaining));
            }
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
