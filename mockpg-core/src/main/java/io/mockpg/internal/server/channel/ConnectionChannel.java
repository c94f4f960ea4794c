package io.mockpg.internal.server.channel;

import io.netty.channel.Channel;
import io.netty.channel.ChannelId;
import io.netty.channel.socket.nio.NioSocketChannel;

import java.nio.channels.SocketChannel;

/** An accepted connection: Netty's NIO socket channel with a {@link SequentialChannelId}. */
final class ConnectionChannel extends NioSocketChannel {
    ConnectionChannel(Channel parent, SocketChannel socket) {
        super(parent, socket);
    }

    @Override
    protected ChannelId newId() {
        return SequentialChannelId.next();
    }
}
