package io.mockpg.internal.server.channel;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelId;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.nio.NioEventLoopGroup;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerChannelTest {

    /** The socket is bound before Netty takes it over; a client may connect in between. */
    @Test
    void acceptsOnASocketBoundBeforeRegistrationWithSequentialIds() throws Exception {
        NioEventLoopGroup group = new NioEventLoopGroup(1);
        CompletableFuture<Channel> accepted = new CompletableFuture<>();
        ServerSocketChannel bound = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        int port = ((InetSocketAddress) bound.getLocalAddress()).getPort();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            Channel listener = new ServerBootstrap().group(group).channelFactory(() -> new ServerChannel(bound))
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel channel) {
                            accepted.complete(channel);
                        }
                    })
                    .register().sync().channel();
            assertEquals(port, ((InetSocketAddress) listener.localAddress()).getPort());
            Channel connection = accepted.get(10, TimeUnit.SECONDS);
            assertInstanceOf(ConnectionChannel.class, connection);
            assertInstanceOf(SequentialChannelId.class, connection.id());
            assertInstanceOf(SequentialChannelId.class, listener.id());
            assertNotEquals(listener.id(), connection.id());
            assertEquals(socket.getLocalPort(), ((InetSocketAddress) connection.remoteAddress()).getPort());
            listener.close().sync();
            assertFalse(bound.isOpen());
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    @Test
    void idsAreDistinctAndOrdered() {
        ChannelId first = SequentialChannelId.next();
        ChannelId second = SequentialChannelId.next();
        assertNotEquals(first, second);
        assertTrue(first.compareTo(second) < 0);
        assertTrue(second.compareTo(first) > 0);
        assertEquals(0, first.compareTo(first));
        assertEquals("mockpg-" + first.asShortText(), first.asLongText());
        assertEquals(first.asShortText(), first.toString());
    }
}
