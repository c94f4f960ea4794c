package io.mockpg.internal.cli.admin;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The admin HTTP API of the standalone server (docs/ci.md, "Admin HTTP API"), answering from an {@link AdminBackend}.
 *
 * <pre>{@code
 * AdminServer admin = new AdminServer(backend);
 * int port = admin.start("127.0.0.1", 0);
 * ...
 * admin.close();
 * }</pre>
 */
public final class AdminServer implements AutoCloseable {

    /**
     * Largest request body accepted (a YAML script for POST /rules); larger gets 413, from the
     * Content-Length before the body is read. Parsing a script costs time in proportion to its
     * size on the admin thread: a bigger one belongs in a --script file.
     */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private final AdminHttpHandler handler;
    private final AdminAccess access;
    private EventLoopGroup group;
    private Channel channel;

    public AdminServer(AdminBackend backend) {
        this(backend, AdminAccess.OPEN);
    }

    public AdminServer(AdminBackend backend, AdminAccess access) {
        this.handler = new AdminHttpHandler(new AdminRouter(Objects.requireNonNull(backend, "backend")));
        this.access = Objects.requireNonNull(access, "access");
    }

    /**
     * Starts listening.
     *
     * @param host address to bind, e.g. {@code 127.0.0.1}
     * @param port port to bind, 0 for any free one
     * @return the bound port
     * @throws IOException when the address cannot be bound (for instance the port is in use)
     */
    public synchronized int start(String host, int port) throws IOException {
        if (channel != null) {
            throw new IllegalStateException("admin server already started");
        }
        // daemon threads: the admin API must never keep the JVM alive on its own
        group = new NioEventLoopGroup(1, new DefaultThreadFactory("mockpg-admin", true));
        ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new AdminGuard(access, MAX_BODY_BYTES),
                                new HttpObjectAggregator(MAX_BODY_BYTES), handler);
                    }
                });
        try {
            channel = bootstrap.bind(host, port).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutDownGroup();
            throw new InterruptedIOException("interrupted while binding the admin port");
        } catch (Exception e) { // Netty rethrows the bind failure itself, checked or not
            shutDownGroup();
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException("cannot bind the admin API to " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return port();
    }

    /** The bound port; -1 before {@link #start}. */
    public synchronized int port() {
        return channel == null ? -1 : ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Stops listening and closes open admin connections. */
    @Override
    public synchronized void close() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
            channel = null;
        }
        shutDownGroup();
    }

    private void shutDownGroup() {
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            group = null;
        }
    }
}
