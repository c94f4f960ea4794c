package io.mockpg.internal.server.channel;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.unix.Errors;

/**
 * Netty's native epoll transport, which the standalone server uses on Linux. Against NIO it
 * served pgbench 3-9 % more {@code SELECT 1 -M prepared} transactions on the same two CPUs,
 * with less user and kernel time per transaction; but loading its native library adds about
 * 40 ms to a fresh JVM's first start, so in-process servers (a test class's) keep NIO. Only
 * this class names epoll's classes: a JVM that never asks for epoll never loads them. Its
 * channels are final, so they keep Netty's default ids, whose one-time lookup of the machine's
 * addresses the standalone server pays at bind.
 */
public final class EpollTransport {
    /** errno for "address already in use" on Linux, x86_64 and aarch64 alike. */
    private static final int EADDRINUSE = 98;

    private EpollTransport() {
    }

    /** Whether the native library loads here (Linux x86_64 or aarch64, not disabled). */
    public static boolean available() {
        return Epoll.isAvailable();
    }

    public static EventLoopGroup newGroup(int threads) {
        return new EpollEventLoopGroup(threads);
    }

    public static Class<? extends ServerSocketChannel> serverChannel() {
        return EpollServerSocketChannel.class;
    }

    /** The client socket channel on epoll's event loops (a proxy's upstream connections). */
    public static Class<? extends SocketChannel> socketChannel() {
        return EpollSocketChannel.class;
    }

    /**
     * Whether an exception is epoll's report of a port in use: a native I/O error carrying
     * EADDRINUSE, where NIO throws a {@link java.net.BindException}.
     */
    public static boolean portInUse(Throwable exception) {
        return exception instanceof Errors.NativeIoException nativeError && nativeError.expectedErr() == -EADDRINUSE;
    }
}
