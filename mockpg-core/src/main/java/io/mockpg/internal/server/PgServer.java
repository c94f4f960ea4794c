package io.mockpg.internal.server;

import io.mockpg.internal.engine.StatementEngine;
import io.mockpg.internal.server.channel.EpollTransport;
import io.mockpg.internal.server.channel.ServerChannel;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.internal.logging.InternalLoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The Netty server: one listening socket, a few event loops, a pipeline per connection
 * of startup decoder → startup handler (replaced by the session handler once authenticated).
 *
 * <p>On NIO, {@link #start} binds the listening socket itself and returns its address at once;
 * the event loops are set up on a background thread and take the socket over. A fresh JVM
 * spends 100-200 ms loading Netty's classes for that, and a test class rarely needs the server
 * in its first milliseconds: the setup runs beside the test's own (its driver's classes, its
 * pool), and a client that connects sooner waits in the socket's backlog, as it would for a
 * busy server. A {@code @MockPg} class with one trivial test added 113 ms to a fresh JVM's
 * run before, 51 ms after (medians of 7 interleaved pairs). The native transport cannot take
 * over a JDK socket, so epoll binds in place.
 *
 * <p>A server closed before its setup registered the socket returns at once: nothing holds
 * the port then, and the setup drops its loops by itself. Once serving, the setup thread plays
 * the JVM's one {@link Rehearsal} before it ends.
 */
public final class PgServer implements AutoCloseable {
    private static final int BACKLOG = 1024;

    private final ServerContext context;
    private final int eventLoopThreads;
    private final boolean epoll;
    private final Supplier<StatementEngine> rehearsalEngine;
    /** Open connections; a plain set rather than a ChannelGroup, whose global executor thread
     *  and classes a fresh JVM would pay for at start. */
    private final Set<Channel> connections = ConcurrentHashMap.newKeySet();
    /** Guards the fields below, which the background setup and {@link #close} race on. */
    private final Object lifecycle = new Object();
    private EventLoopGroup group;
    private Channel listener;
    private boolean stopping;
    /** NIO: the socket bound by {@link #start}, before Netty takes it over. */
    private ServerSocketChannel boundSocket;
    /** NIO: the setup thread, once it has begun registering the socket with a selector,
     *  which then holds the port until the loops let go of it; a close waits for it. */
    private Thread registeringThread;

    /**
     * @param eventLoopThreads threads serving connections; see {@link #defaultEventLoopThreads()}
     * @param nativeTransport  serve through epoll if it is available here, else NIO
     * @param rehearsalEngine  makes a scratch engine for this JVM's one {@link Rehearsal} (NIO)
     */
    public PgServer(ServerContext context, int eventLoopThreads, boolean nativeTransport,
                    Supplier<StatementEngine> rehearsalEngine) {
        this.context = context;
        this.eventLoopThreads = eventLoopThreads;
        this.epoll = nativeTransport && EpollTransport.available();
        this.rehearsalEngine = rehearsalEngine;
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

    /**
     * Binds and starts accepting; returns the bound address. Throws the bind failure as it is
     * (NIO's {@link java.net.BindException}, epoll's native error).
     */
    public InetSocketAddress start(String host, int port) throws InterruptedException, IOException {
        if (epoll) {
            return startEpoll(host, port);
        }
        ServerSocketChannel socket = ServerSocketChannel.open();
        try {
            socket.bind(new InetSocketAddress(host, port), BACKLOG);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        Thread setup = new Thread(() -> serveNio(socket), "mockpg-start");
        setup.setDaemon(true);
        synchronized (lifecycle) {
            boundSocket = socket;
        }
        setup.start();
        return (InetSocketAddress) socket.getLocalAddress();
    }

    private InetSocketAddress startEpoll(String host, int port) throws InterruptedException {
        EventLoopGroup epollGroup = EpollTransport.newGroup(eventLoopThreads);
        synchronized (lifecycle) {
            group = epollGroup;
        }
        // what the JDK sets on NIO's listening sockets; epoll's must be told: a restart on
        // the same port must not wait for the last run's connections in TIME_WAIT
        Channel bound = bootstrap(epollGroup).channel(EpollTransport.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .bind(host, port).sync().channel();
        synchronized (lifecycle) {
            listener = bound;
        }
        return (InetSocketAddress) bound.localAddress();
    }

    /** The background setup, then, once serving, the rehearsal. */
    private void serveNio(ServerSocketChannel socket) {
        if (setUpNio(socket)) {
            // outside the setup's failure handling: whatever the rehearsal throws, a server
            // that serves keeps its port and loops
            Rehearsal.playOnce(rehearsalEngine);
        }
    }

    /**
     * Event loops, then the bound socket registered with one of them. True once serving; false
     * if the server was closed meanwhile or the setup failed, with the port and loops given back.
     */
    private boolean setUpNio(ServerSocketChannel socket) {
        EventLoopGroup nioGroup = null;
        try {
            nioGroup = new NioEventLoopGroup(eventLoopThreads);
            if (beginRegistering()) {
                Channel registered = bootstrap(nioGroup).channelFactory(() -> new ServerChannel(socket))
                        .register().sync().channel();
                if (publish(nioGroup, registered)) {
                    return true;
                }
            }
        } catch (Throwable failure) {
            boolean expected;
            synchronized (lifecycle) {
                expected = stopping; // closing the socket under the setup fails its registration
            }
            if (!expected) {
                // looked up here, not in a static field: the logger's classes are part of the start
                InternalLoggerFactory.getInstance(PgServer.class).error("could not start serving; closing the port", failure);
            }
        }
        // closed during the setup, or the setup failed: the port and the loops go back. A
        // socket registered with a selector keeps its port until the selector lets go of it,
        // so the loops are waited for: a close() that came after the registration began
        // returns once this thread is done
        closeQuietly(socket);
        if (nioGroup != null) {
            nioGroup.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
        }
        return false;
    }

    private ServerBootstrap bootstrap(EventLoopGroup loops) {
        return new ServerBootstrap()
                .group(loops)
                .option(ChannelOption.SO_BACKLOG, BACKLOG)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connections.add(channel);
                        channel.closeFuture().addListener(closed -> connections.remove(channel));
                        channel.pipeline()
                                .addLast("startup-decoder", new io.mockpg.internal.protocol.codec.StartupDecoder(
                                        context.maxMessageSize()))
                                .addLast("startup", new StartupHandler(context));
                    }
                });
    }

    public SessionRegistry sessions() {
        return context.sessions();
    }

    /**
     * Drain (README.md, "Standalone server"): stop accepting, end idle sessions with 57P01, let busy ones finish
     * their transaction and batch, force-close what is left after the timeout.
     */
    public void drain(Duration timeout) {
        context.sessions().startDraining();
        stopAccepting();
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

    /** Makes the registered socket the server's listener, unless it was closed meanwhile. */
    private boolean publish(EventLoopGroup nioGroup, Channel registered) {
        synchronized (lifecycle) {
            if (stopping) {
                return false;
            }
            group = nioGroup;
            listener = registered;
            return true;
        }
    }

    /** False if the server was closed before the setup could register its socket. */
    private boolean beginRegistering() {
        synchronized (lifecycle) {
            if (stopping) {
                return false;
            }
            registeringThread = Thread.currentThread();
            return true;
        }
    }

    /** Closes the listening socket; a setup still under way then gives up on its own. */
    private void stopAccepting() {
        Channel open;
        ServerSocketChannel socket;
        Thread setup;
        synchronized (lifecycle) {
            stopping = true;
            open = listener;
            socket = boundSocket;
            setup = registeringThread;
        }
        if (open != null) {
            open.close().syncUninterruptibly();
        } else if (socket != null) {
            // a socket no selector holds frees its port at once; the setup then stops by itself
            closeQuietly(socket);
            if (setup != null) {
                awaitSetup(setup);
            }
        }
    }

    /** Waits for a setup still under way to give the port and its loops back. */
    private static void awaitSetup(Thread setup) {
        try {
            setup.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopAccepting();
        EventLoopGroup loops;
        synchronized (lifecycle) {
            loops = group;
        }
        if (loops != null) {
            loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static void closeQuietly(ServerSocketChannel socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing was listening through it any more
        }
    }
}
