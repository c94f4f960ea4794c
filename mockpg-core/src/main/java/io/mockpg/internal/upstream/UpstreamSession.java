package io.mockpg.internal.upstream;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One authenticated connection to a real PostgreSQL, ready for queries. Two ways to talk to it:
 * {@link #exchange} sends a batch and collects the decoded answers up to its last
 * ReadyForQuery (a checker's way); {@link #relayTo} hands the server's bytes, read by read, to
 * a receiver (a proxy's way), with {@link #write}/{@link #flush} the other direction.
 */
public final class UpstreamSession implements AutoCloseable {
    private final Channel channel;
    private final UpstreamUrl url;
    private final Map<String, String> parameters;
    private final BackendMessage.BackendKeyData backendKey;
    private final List<byte[]> startupFrames;
    private final Inbound inbound = new Inbound();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile char transactionStatus;

    UpstreamSession(Channel channel, UpstreamUrl url, Map<String, String> parameters,
                    BackendMessage.BackendKeyData backendKey, List<byte[]> startupFrames, char transactionStatus) {
        this.channel = channel;
        this.url = url;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.backendKey = backendKey;
        this.startupFrames = List.copyOf(startupFrames);
        this.transactionStatus = transactionStatus;
        channel.closeFuture().addListener(done -> closed.complete(null));
    }

    public UpstreamUrl url() {
        return url;
    }

    /** {@code server_version} as the server reported it (e.g. "15.14 (Debian 15.14-1.pgdg12+1)"). */
    public String serverVersion() {
        return parameters.get("server_version");
    }

    /** Every ParameterStatus of the startup, in the order received. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** The key a CancelRequest for this session needs; null if the server sent none. */
    public BackendMessage.BackendKeyData backendKey() {
        return backendKey;
    }

    /**
     * What the server sent after AuthenticationOk up to and including the first ReadyForQuery
     * (ParameterStatus, BackendKeyData, notices), each frame as received: a proxy relays them.
     */
    public List<byte[]> startupFrames() {
        return startupFrames;
    }

    /** 'I', 'T' or 'E' as of the last ReadyForQuery decoded by {@link #exchange}, or the startup's. */
    public char transactionStatus() {
        return transactionStatus;
    }

    /** The channel, for flow control (auto-read, writability) by a proxy. */
    public Channel channel() {
        return channel;
    }

    /**
     * Writes the messages {@code batch} appends, in one write, and completes with every backend
     * message up to and including the ReadyForQuery that answers its last Query or Sync.
     * Fails with an {@link UpstreamException} when the connection breaks first.
     */
    public CompletableFuture<List<BackendMessage>> exchange(Consumer<ByteBuf> batch) {
        ByteBuf out = channel.alloc().buffer();
        try {
            batch.accept(out);
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
        Exchange exchange = new Exchange(readyCount(out));
        channel.eventLoop().execute(() -> {
            if (!channel.isActive()) {
                out.release();
                exchange.result.completeExceptionally(closedError(null));
                return;
            }
            inbound.pending.add(exchange);
            channel.writeAndFlush(out);
        });
        return exchange.result;
    }

    /** The number of ReadyForQuery messages a batch is answered with: one per Query and per Sync. */
    private static int readyCount(ByteBuf batch) {
        int count = 0;
        for (int at = batch.readerIndex(); at + 5 <= batch.writerIndex(); at += 1 + batch.getInt(at + 1)) {
            byte type = batch.getByte(at);
            if (type == 'Q' || type == 'S') {
                count++;
            }
        }
        return count;
    }

    /**
     * From now on what the server sends goes to {@code receiver} as it is read, neither cut into
     * messages nor decoded. Call on the session's event loop, before any request.
     */
    public void relayTo(RelayReceiver receiver) {
        inbound.receiver = receiver;
        // what the framer holds of a message still arriving reaches the receiver as bytes
        channel.pipeline().remove(MessageFramer.class);
    }

    /** Queues bytes for the server (released by the channel); {@link #flush} sends them. */
    public void write(ByteBuf frames) {
        channel.write(frames, channel.voidPromise());
    }

    public void flush() {
        channel.flush();
    }

    public CompletableFuture<Void> closeFuture() {
        return closed;
    }

    /**
     * Sends Terminate and waits, up to {@code timeout}, for the server to close the connection,
     * as it does on Terminate; then closes it. A server with a connection limit has the
     * connection's slot back by then. Not on the session's event loop.
     */
    public void closeAndAwait(Duration timeout) throws InterruptedException {
        if (channel.isActive()) {
            ByteBuf terminate = channel.alloc().buffer(5);
            FrontendMessages.terminate(terminate);
            channel.writeAndFlush(terminate);
            channel.closeFuture().await(timeout.toMillis());
        }
        channel.close();
    }

    /** Sends Terminate and closes the connection. */
    @Override
    public void close() {
        if (channel.isActive()) {
            ByteBuf terminate = channel.alloc().buffer(5);
            FrontendMessages.terminate(terminate);
            channel.writeAndFlush(terminate).addListener(done -> channel.close());
        } else {
            channel.close();
        }
    }

    ChannelHandler inbound() {
        return inbound;
    }

    private UpstreamException closedError(Throwable cause) {
        return new UpstreamException("upstream " + url.address() + " closed the connection"
                + (cause == null ? "" : ": " + cause.getMessage()), cause);
    }

    /** A request waiting for its answers. */
    private static final class Exchange {
        final CompletableFuture<List<BackendMessage>> result = new CompletableFuture<>();
        final List<BackendMessage> messages = new ArrayList<>();
        int readyLeft;

        Exchange(int readyLeft) {
            this.readyLeft = readyLeft;
        }
    }

    /** Takes the frames the {@link MessageFramer} cuts, or once relaying, the bytes read; on the channel's event loop. */
    private final class Inbound extends ChannelInboundHandlerAdapter {
        final Deque<Exchange> pending = new ArrayDeque<>();
        RelayReceiver receiver;
        Throwable failure;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf frame = (ByteBuf) msg;
            if (receiver != null) {
                receiver.received(frame);
                return;
            }
            BackendMessage message;
            try {
                message = BackendMessageDecoder.decode(frame);
            } catch (MalformedMessageException e) {
                exceptionCaught(ctx, e);
                return;
            } finally {
                frame.release();
            }
            Exchange exchange = pending.peek();
            if (exchange == null) {
                return; // a notice or notification between requests: nobody asked
            }
            exchange.messages.add(message);
            if (message instanceof BackendMessage.ReadyForQuery ready) {
                transactionStatus = ready.status();
                if (--exchange.readyLeft <= 0) {
                    pending.poll();
                    exchange.result.complete(List.copyOf(exchange.messages));
                }
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            if (receiver != null) {
                receiver.readComplete();
            }
            ctx.fireChannelReadComplete();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            failure = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            UpstreamException error = closedError(failure);
            for (Exchange exchange = pending.poll(); exchange != null; exchange = pending.poll()) {
                exchange.result.completeExceptionally(error);
            }
            if (receiver != null) {
                receiver.closed(failure);
            }
            ctx.fireChannelInactive();
        }
    }
}
