package io.mockpg.internal.record;

import io.mockpg.internal.engine.ErrorFields;
import io.mockpg.internal.protocol.backend.BackendMessages;
import io.mockpg.internal.protocol.codec.FrontendDecoder;
import io.mockpg.internal.protocol.frontend.FrontendMessage;
import io.mockpg.internal.upstream.BackendMessage;
import io.mockpg.internal.upstream.RelayReceiver;
import io.mockpg.internal.upstream.MalformedMessageException;
import io.mockpg.internal.upstream.MessageSplitter;
import io.mockpg.internal.upstream.UpstreamRefusedException;
import io.mockpg.internal.upstream.UpstreamSession;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client session of the recorder: its own upstream connection, every read forwarded
 * unchanged in both directions as one write (a pipelined batch stays one batch, and no message
 * is cut out or flushed on its own), and an {@link SessionObserver} following the messages of
 * both directions, found in place by a {@link MessageSplitter} and decoded before they go on
 * (a malformed one stops there), followed once they are flushed. Toward the client it is trust:
 * the upstream's startup answers follow an AuthenticationOk.
 */
final class RecordingConnection extends ChannelInboundHandlerAdapter implements RelayReceiver {
    private static final Logger log = LoggerFactory.getLogger(RecordingConnection.class);

    private final RecorderContext context;
    private final SessionObserver observer;
    private ChannelHandlerContext client;
    private UpstreamSession upstream;
    private final MessageSplitter clientMessages = new MessageSplitter();
    private final MessageSplitter serverMessages = new MessageSplitter();
    private final MessageSplitter.Visitor clientVisitor = this::fromClientMessage;
    private final MessageSplitter.Visitor serverVisitor = this::fromServerMessage;
    private final RowDescriptionMemo serverDecoder = new RowDescriptionMemo();
    /**
     * The messages of what was just forwarded, decoded; the observer follows them once they are
     * flushed, so that recording adds nothing to the time a message takes through the recorder.
     */
    private final List<FrontendMessage> forwardedToUpstream = new ArrayList<>();
    private final List<BackendMessage> forwardedToClient = new ArrayList<>();
    /**
     * A kept round the client's last read began again (its bytes went on undecoded), while the
     * server's answer is compared with the round's; or null.
     */
    private RepeatedRounds.Round repeating;
    /** How many of the repeating round's server bytes came again so far. */
    private int repeatingMatched;
    /** The round being followed and traced to be kept, or null. */
    private RoundTrace tracing;
    /** Why the message a splitter's visitor stopped at is malformed. */
    private String malformed;
    /** Client bytes that arrived before the upstream session was ready. */
    private final List<ByteBuf> waiting = new ArrayList<>();
    private boolean clientTerminated;
    /** The client sent something malformed and is being told: nothing more of it goes on. */
    private boolean failed;
    private boolean ended;
    /** The client has been told the upstream broke; the close that follows says nothing more. */
    private boolean broken;

    RecordingConnection(RecorderContext context) {
        this.context = context;
        this.observer = new SessionObserver(context.recording(), context.templates(), context.columnTypes());
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        client = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf data) {
            fromClient(data);
        } else if (msg instanceof FrontendMessage.SslRequest) {
            answerSslRequest(ctx);
        } else if (msg instanceof FrontendMessage.GssEncRequest) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'N'}));
        } else if (msg instanceof FrontendMessage.CancelRequest cancel) {
            // the client holds the upstream's own key: pass the request on as it is
            context.connector().cancel(context.url(), cancel.processId(), cancel.secretKey());
            ctx.close();
        } else if (msg instanceof FrontendMessage.StartupMessage startup) {
            connectUpstream(ctx, startup);
        } else if (msg instanceof FrontendMessage.Malformed malformed) {
            fatal(ctx, "08P01", malformed.reason());
        }
    }

    private void answerSslRequest(ChannelHandlerContext ctx) {
        ctx.channel().config().setAutoRead(false);
        context.tls().whenComplete((tls, failure) -> ctx.channel().eventLoop().execute(() -> {
            if (tls == null) {
                log.warn("no TLS for clients: {}", failure.getMessage());
                ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'N'}));
            } else {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'S'}));
                ctx.pipeline().addFirst("tls", tls.newHandler(ctx.alloc()));
            }
            ctx.channel().config().setAutoRead(true);
        }));
    }

    private void connectUpstream(ChannelHandlerContext ctx, FrontendMessage.StartupMessage startup) {
        ctx.channel().config().setAutoRead(false);
        Map<String, String> parameters = new LinkedHashMap<>(startup.parameters());
        parameters.remove("user");
        parameters.remove("database");
        log.info("session: user {}, database {} (as {} upstream)", startup.parameters().get("user"),
                startup.parameters().get("database"), context.url().user());
        context.connector().connect(context.url(), parameters, ctx.channel().eventLoop())
                .whenComplete((session, failure) -> ctx.channel().eventLoop().execute(() -> {
                    if (failure != null) {
                        refused(ctx, failure);
                    } else {
                        started(ctx, session);
                    }
                }));
    }

    private void started(ChannelHandlerContext ctx, UpstreamSession session) {
        if (!ctx.channel().isActive()) {
            session.close();
            return;
        }
        upstream = session;
        ByteBuf hello = ctx.alloc().buffer();
        BackendMessages.authenticationOk(hello);
        for (byte[] frame : session.startupFrames()) {
            hello.writeBytes(frame);
        }
        ctx.write(hello);
        session.relayTo(this); // after the startup answers: what the server sent since follows them
        ctx.flush();
        for (ByteBuf data : waiting) {
            fromClient(data);
        }
        waiting.clear();
        session.flush();
        observeForwardedToUpstream();
        ctx.channel().config().setAutoRead(true);
    }

    private void refused(ChannelHandlerContext ctx, Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        log.warn("session refused: {}", cause.getMessage());
        if (cause instanceof UpstreamRefusedException refusedByUpstream) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(refusedByUpstream.frame())).addListener(ChannelFutureListener.CLOSE);
        } else {
            fatal(ctx, "08006", "mockpg record: " + cause.getMessage());
        }
    }

    private void fromClient(ByteBuf data) {
        if (upstream == null) {
            waiting.add(data);
            return;
        }
        if (failed) {
            data.release();
            return;
        }
        if (roundBegins(data)) {
            upstream.write(data);
            return;
        }
        int forward;
        try {
            forward = clientMessages.split(data, clientVisitor);
        } catch (CorruptedFrameException | TooLongFrameException e) {
            data.release();
            failed = true;
            fatal(client, "08P01", "invalid message: " + e.getMessage());
            return;
        }
        if (forward < data.readableBytes()) {
            // the messages before the malformed one go on; then the client is told, as PostgreSQL would
            if (forward > 0) {
                upstream.write(data.retainedSlice(data.readerIndex(), forward));
                upstream.flush();
                observeForwardedToUpstream();
            }
            data.release();
            failed = true;
            fatal(client, "08P01", malformed);
            return;
        }
        upstream.write(data);
    }

    /**
     * Whether this read of the client's repeats a kept round ({@link RepeatedRounds}) of an idle
     * session: then it goes on undecoded. Otherwise a read that can begin a round to keep is
     * traced. A round still open here (repeating or traced) was more than one read: it is
     * followed, not kept.
     */
    private boolean roundBegins(ByteBuf data) {
        if (repeating != null) {
            unrepeat();
        }
        if (tracing != null) { // the round is more than one read: not kept
            observer.endRound(tracing);
            tracing = null;
        }
        if (!observer.idle() || !forwardedToUpstream.isEmpty() || clientMessages.holdsPartial()
                || serverMessages.holdsPartial()) {
            return false;
        }
        repeating = observer.repeated(data);
        if (repeating != null) {
            repeatingMatched = 0;
            return true;
        }
        if (RepeatedRounds.traceable(data)) {
            byte[] bytes = new byte[data.readableBytes()];
            data.getBytes(data.readerIndex(), bytes);
            tracing = observer.beginRound(bytes);
        }
        return false;
    }

    /**
     * The repeating round's answer turned out different, or was cut short: what went on of it is
     * followed the usual way after all (it was decoded when it came first), and traced anew.
     */
    private void unrepeat() {
        RepeatedRounds.Round round = repeating;
        repeating = null;
        tracing = observer.beginRound(round.client());
        clientMessages.split(Unpooled.wrappedBuffer(round.client()), clientVisitor);
        observeForwardedToUpstream();
        if (repeatingMatched > 0) {
            serverMessages.split(round.server(0, repeatingMatched), serverVisitor);
            observeForwardedToClient();
        }
    }

    private boolean fromClientMessage(ByteBuf frame) {
        FrontendMessage message = decode(frame);
        if (message instanceof FrontendMessage.Malformed bad) {
            malformed = bad.reason();
            return false;
        }
        if (message instanceof FrontendMessage.Terminate) {
            clientTerminated = true;
        }
        forwardedToUpstream.add(message);
        return true;
    }

    private void observeForwardedToUpstream() {
        for (FrontendMessage message : forwardedToUpstream) {
            try {
                observer.fromClient(message);
            } catch (RuntimeException e) {
                log.warn("could not follow a client message; the session is forwarded but not recorded further", e);
            }
        }
        forwardedToUpstream.clear();
    }

    private static FrontendMessage decode(ByteBuf frame) {
        ByteBuf body = frame.duplicate();
        char type = (char) body.readByte();
        body.skipBytes(4);
        try {
            return FrontendDecoder.MessageBodies.decode(type, body);
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return new FrontendMessage.Malformed("invalid message format");
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (upstream != null) {
            upstream.flush();
            observeForwardedToUpstream();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        // a client slower than the upstream: stop reading the upstream until it catches up
        if (upstream != null) {
            upstream.channel().config().setAutoRead(ctx.channel().isWritable());
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void received(ByteBuf data) {
        if (broken || ended) {
            data.release();
            return;
        }
        int repeated = repeating == null ? 0 : repeatedBytes(data);
        if (repeated == data.readableBytes()) {
            client.write(data, client.voidPromise());
            return;
        }
        int forward;
        try {
            forward = repeated + serverMessages.split(repeated == 0 ? data
                    : data.slice(data.readerIndex() + repeated, data.readableBytes() - repeated), serverVisitor);
        } catch (CorruptedFrameException | TooLongFrameException e) {
            data.release();
            upstreamBroken("08P01", "upstream sent a malformed message: " + e.getMessage());
            return;
        }
        if (forward < data.readableBytes()) {
            if (forward > 0) {
                client.write(data.retainedSlice(data.readerIndex(), forward), client.voidPromise());
                observeForwardedToClient();
            }
            data.release();
            upstreamBroken("08P01", "upstream sent a malformed message: " + malformed);
            return;
        }
        client.write(data, client.voidPromise());
    }

    /**
     * How many of this read's first bytes are the repeating round's next ones (all of them, or
     * up to the round's end, where it is recorded again); 0 when they differ, and the round is
     * followed after all.
     */
    private int repeatedBytes(ByteBuf data) {
        int length = Math.min(data.readableBytes(), repeating.serverLength() - repeatingMatched);
        if (!observer.repeats(repeating, repeatingMatched, data, data.readerIndex(), length)) {
            unrepeat();
            return 0;
        }
        repeatingMatched += length;
        if (repeatingMatched == repeating.serverLength()) {
            observer.repeat(repeating);
            repeating = null;
        }
        return length;
    }

    private boolean fromServerMessage(ByteBuf frame) {
        if (tracing != null) {
            tracing.fromServer(frame);
        }
        try {
            forwardedToClient.add(serverDecoder.decode(frame));
        } catch (MalformedMessageException e) {
            malformed = e.getMessage();
            return false;
        } catch (RuntimeException e) {
            log.warn("could not read an upstream message; the session is forwarded but may be recorded incompletely", e);
        }
        return true;
    }

    private void observeForwardedToClient() {
        for (BackendMessage message : forwardedToClient) {
            try {
                observer.fromServer(message);
            } catch (RuntimeException e) {
                log.warn("could not follow an upstream message; the session is forwarded but may be recorded incompletely",
                        e);
            }
            if (tracing != null && message instanceof BackendMessage.ReadyForQuery) {
                observer.endRound(tracing); // a traced round has one Sync or Query: this is its end
                tracing = null;
            }
        }
        forwardedToClient.clear();
    }

    @Override
    public void readComplete() {
        client.flush();
        observeForwardedToClient();
    }

    @Override
    public void closed(Throwable cause) {
        upstreamClosed(cause);
    }

    private void upstreamClosed(Throwable cause) {
        if (ended || broken || !client.channel().isActive()) {
            return;
        }
        if (clientTerminated) {
            client.close();
            return;
        }
        Throwable reason = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (reason instanceof CorruptedFrameException || reason instanceof TooLongFrameException
                || reason instanceof MalformedMessageException) {
            upstreamBroken("08P01", "upstream sent a malformed message: " + reason.getMessage());
        } else {
            upstreamBroken("08006", "upstream closed the connection unexpectedly");
        }
    }

    private void upstreamBroken(String code, String message) {
        broken = true;
        log.warn("session ended: {}", message);
        if (upstream != null) {
            upstream.channel().close();
        }
        fatal(client, code, "mockpg record: " + message);
    }

    private static void fatal(ChannelHandlerContext ctx, String code, String message) {
        if (!ctx.channel().isActive()) {
            return;
        }
        ByteBuf error = ctx.alloc().buffer();
        BackendMessages.errorResponse(error, ErrorFields.fatal(code, message));
        ctx.writeAndFlush(error).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable reason = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (reason instanceof CorruptedFrameException || reason instanceof TooLongFrameException) {
            fatal(ctx, "08P01", "invalid message: " + reason.getMessage());
        } else {
            log.debug("client connection failed", cause);
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (repeating != null) {
            unrepeat(); // what came of the round is recorded as if it had been followed
        }
        ended = true;
        waiting.forEach(ByteBuf::release);
        waiting.clear();
        clientMessages.release();
        serverMessages.release();
        if (upstream != null) {
            upstream.close();
            context.sessionEnded().run();
        }
        ctx.fireChannelInactive();
    }
}
