package io.mockpg.internal.upstream;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Opens {@link UpstreamSession}s to a real PostgreSQL: TCP, TLS as {@code sslmode} asks,
 * startup and authentication. Failures complete the future with an {@link UpstreamException}
 * that names the upstream's host and port and the reason.
 */
public final class UpstreamConnector implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final EventLoopGroup group;
    private final Class<? extends Channel> channelType;
    private final boolean ownsGroup;

    private UpstreamConnector(EventLoopGroup group, Class<? extends Channel> channelType, boolean ownsGroup) {
        this.group = group;
        this.channelType = channelType;
        this.ownsGroup = ownsGroup;
    }

    /** A connector with its own event loop (NIO, one thread), shut down by {@link #close()}. */
    public static UpstreamConnector create() {
        return new UpstreamConnector(new NioEventLoopGroup(1), NioSocketChannel.class, true);
    }

    /** A connector on someone else's event loops; {@code channelType} must be their transport's socket channel. */
    public static UpstreamConnector on(EventLoopGroup group, Class<? extends Channel> channelType) {
        return new UpstreamConnector(group, channelType, false);
    }

    public CompletableFuture<UpstreamSession> connect(UpstreamUrl url) {
        return connect(url, Map.of(), group);
    }

    /**
     * Connects on {@code loop} (a proxy passes its client's, so that both sides of a session
     * share one thread) with extra startup parameters (application_name, client_encoding, ...);
     * user and database always come from the URL.
     */
    public CompletableFuture<UpstreamSession> connect(UpstreamUrl url, Map<String, String> startupParameters,
                                                      EventLoopGroup loop) {
        CompletableFuture<UpstreamSession> result = new CompletableFuture<>();
        boolean tls = url.sslMode() != SslMode.DISABLE;
        Bootstrap bootstrap = bootstrap(loop).handler(new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel channel) {
                if (tls) {
                    channel.pipeline().addLast("tls-negotiation", new TlsNegotiation(url));
                }
                channel.pipeline().addLast("framer", new MessageFramer())
                        .addLast("handshake", new UpstreamHandshake(url, startupParameters, tls, result));
            }
        });
        bootstrap.connect(url.host(), url.port()).addListener((ChannelFutureListener) connected -> {
            if (!connected.isSuccess()) {
                result.completeExceptionally(unreachable(url, connected.cause()));
            }
        });
        return result;
    }

    /**
     * Sends a CancelRequest for the session with this key on a connection of its own
     * (PostgreSQL documentation, "Canceling Requests in Progress"); completes once it is sent.
     */
    public CompletableFuture<Void> cancel(UpstreamUrl url, int processId, byte[] secretKey) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        bootstrap(group).handler(new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel channel) {
            }
        }).connect(url.host(), url.port()).addListener((ChannelFutureListener) connected -> {
            if (!connected.isSuccess()) {
                result.completeExceptionally(unreachable(url, connected.cause()));
                return;
            }
            ByteBuf request = connected.channel().alloc().buffer(16);
            FrontendMessages.cancelRequest(request, processId, secretKey);
            connected.channel().writeAndFlush(request).addListener((ChannelFutureListener) sent -> {
                // the server closes the connection once it has read the request
                if (sent.isSuccess()) {
                    result.complete(null);
                } else {
                    result.completeExceptionally(unreachable(url, sent.cause()));
                    sent.channel().close();
                }
            });
        });
        return result;
    }

    private Bootstrap bootstrap(EventLoopGroup loop) {
        return new Bootstrap().group(loop).channel(channelType)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) CONNECT_TIMEOUT.toMillis());
    }

    static UpstreamException unreachable(UpstreamUrl url, Throwable cause) {
        String reason;
        if (cause instanceof ConnectTimeoutException) {
            reason = "timed out after " + CONNECT_TIMEOUT.toSeconds() + " s";
        } else if (cause instanceof ConnectException) {
            reason = "connection refused";
        } else if (cause instanceof UnknownHostException) {
            reason = "unknown host";
        } else {
            reason = String.valueOf(cause.getMessage());
        }
        return new UpstreamException("cannot connect to upstream " + url.address() + ": " + reason, cause);
    }

    @Override
    public void close() {
        if (ownsGroup) {
            group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
