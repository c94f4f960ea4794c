package io.mockpg.bench.junit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

/**
 * The same trivial test with a bare Netty NIO server started before it and closed after it: one
 * event loop per core, bound to a random loopback port, accepting and doing nothing else. What
 * a Netty server bound the usual way costs the first test class of a JVM; mockpg binds the port
 * itself and leaves Netty's setup to a background thread.
 */
public class WithNettyServer {
    private static EventLoopGroup group;
    private static Channel listener;

    @BeforeAll
    static void start() throws InterruptedException {
        group = new NioEventLoopGroup(Runtime.getRuntime().availableProcessors());
        listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    @AfterAll
    static void stop() {
        listener.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void trivial() {
        Assertions.assertEquals(4, 2 + 2);
    }
}
