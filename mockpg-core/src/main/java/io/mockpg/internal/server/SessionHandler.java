package io.mockpg.internal.server;

import io.mockpg.internal.engine.EngineSession;
import io.mockpg.internal.engine.Notification;
import io.mockpg.internal.engine.SessionInfo;
import io.mockpg.internal.logging.LogText;
import io.mockpg.internal.protocol.backend.BackendMessages;
import io.mockpg.internal.protocol.frontend.FrontendMessage;
import io.mockpg.internal.session.OpenTransaction;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reader side of an authenticated session (one instance per channel): hands every decoded
 * message to the session's {@link SessionExecutor}, and relays writability changes, cancel
 * requests, notifications and drain to it on the channel's event loop.
 */
public final class SessionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(SessionHandler.class);

    private final ServerContext server;
    private final int processId;
    private final byte[] secretKey;
    private ChannelHandlerContext ctx;
    private SessionExecutor executor;

    SessionHandler(ServerContext server, int processId, byte[] secretKey) {
        this.server = server;
        this.processId = processId;
        this.secretKey = secretKey;
    }

    int processId() {
        return processId;
    }

    byte[] secretKey() {
        return secretKey;
    }

    /** Finishes startup: AuthenticationOk, ParameterStatus set, BackendKeyData, ReadyForQuery. */
    void start(ChannelHandlerContext context, SessionInfo info) {
        this.ctx = context;
        EngineSession engineSession = server.engine().openSession(info);
        this.executor = new SessionExecutor(context, engineSession);
        executor.maxStatementSize(server.maxStatementSize());
        server.sessions().add(this);
        ByteBuf out = executor.out().buf();
        BackendMessages.authenticationOk(out);
        BackendMessages.parameterStatuses(out, engineSession.reportedParameters());
        BackendMessages.backendKeyData(out, processId, secretKey);
        if (server.logsSessions()) {
            log.info("connection {}: user={} database={} application_name={}", processId, LogText.escape(info.user()),
                    LogText.escape(info.database()),
                    LogText.escape(info.startupParameters().getOrDefault("application_name", "")));
        }
        executor.readyForQuery();
    }

    /** After startup only decoded {@link FrontendMessage}s arrive: a cast, without a type matcher and a release per message. */
    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (server.sessions().draining()) {
            // a statement read after the drain began must not wait for the queued drain request
            executor.requestDrain();
        }
        executor.push((FrontendMessage) message);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        if (context.channel().isWritable()) {
            executor.resume();
        }
        context.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        server.sessions().remove(this);
        executor.closed();
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (ClientDisconnects.isDisconnect(cause)) {
            // a client that goes away (reset, broken pipe) is ordinary, not the server's fault
            log.debug("connection {} lost: {}", processId, cause.toString());
        } else {
            log.warn("connection {} closed after an internal error", processId, cause);
        }
        context.close();
    }

    /** From any thread: a CancelRequest for this session. */
    void cancel() {
        ctx.executor().execute(executor::cancel);
    }

    /** From any thread: a NotificationResponse for this session. */
    void deliver(Notification notification) {
        ctx.executor().execute(() -> executor.notify(notification));
    }

    /** From any thread: the session's transaction status and the statements of its open transaction. */
    public Future<OpenTransaction> openTransaction() {
        return ctx.executor().submit(executor::openTransaction);
    }

    /** From any thread: the server is draining. */
    void drain() {
        ctx.executor().execute(executor::requestDrain);
    }
}
