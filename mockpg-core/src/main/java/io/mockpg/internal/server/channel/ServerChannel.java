package io.mockpg.internal.server.channel;

import io.netty.channel.ChannelId;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.internal.SocketUtils;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;

import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * The listening NIO channel, its accepted connections {@link ConnectionChannel}s: Netty's own
 * channels but with {@link SequentialChannelId}s. The accept step is Netty's, unchanged but
 * for the class it creates. It wraps a socket already bound, so the port is known before
 * Netty is set up (see {@code PgServer#start}).
 */
public final class ServerChannel extends NioServerSocketChannel {
    private static final InternalLogger log = InternalLoggerFactory.getInstance(ServerChannel.class);

    public ServerChannel(ServerSocketChannel boundSocket) {
        super(boundSocket);
    }

    @Override
    protected ChannelId newId() {
        return SequentialChannelId.next();
    }

    @Override
    protected int doReadMessages(List<Object> accepted) throws Exception {
        SocketChannel socket = SocketUtils.accept(javaChannel());
        if (socket == null) {
            return 0;
        }
        try {
            accepted.add(new ConnectionChannel(this, socket));
            return 1;
        } catch (Throwable t) {
            log.warn("Failed to create a channel for an accepted socket.", t);
            try {
                socket.close();
            } catch (Throwable closing) {
                log.warn("Failed to close an accepted socket.", closing);
            }
            return 0;
        }
    }
}
