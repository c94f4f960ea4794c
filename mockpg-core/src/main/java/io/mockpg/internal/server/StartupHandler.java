package io.mockpg.internal.server;

import io.mockpg.internal.engine.ErrorFields;
import io.mockpg.internal.engine.SessionInfo;
import io.mockpg.internal.logging.LogText;
import io.mockpg.internal.protocol.codec.FrontendDecoder;
import io.mockpg.internal.protocol.backend.BackendMessages;
import io.mockpg.internal.protocol.frontend.FrontendMessage;
import io.mockpg.internal.script.ServerConfig;
import io.mockpg.internal.server.auth.AuthExchange;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The startup phase of one connection (one instance per channel): SSLRequest, GSSENCRequest,
 * CancelRequest, StartupMessage with protocol negotiation, then authentication. On success
 * it sends AuthenticationOk, the ParameterStatus set, BackendKeyData and ReadyForQuery, and
 * replaces itself with a {@link SessionHandler}.
 */
final class StartupHandler extends SimpleChannelInboundHandler<FrontendMessage> {
    private static final Logger log = LoggerFactory.getLogger(StartupHandler.class);
    /** Newest protocol minor version we speak: 3.2 (PostgreSQL 18's longer cancel key). */
    private static final int LATEST_MINOR = 2;

    private final ServerContext server;
    private ScheduledFuture<?> startupTimeout;
    private FrontendMessage.StartupMessage startup;
    private int minorVersion;
    private AuthExchange exchange;

    StartupHandler(ServerContext server) {
        this.server = server;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        // A client that connects and never finishes startup must not hold a connection forever.
        startupTimeout = ctx.executor().schedule(() -> {
            log.debug("connection from {} closed: startup not finished within {} ms", ctx.channel().remoteAddress(),
                    server.startupTimeout().toMillis());
            ctx.close();
        }, server.startupTimeout().toMillis(), TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelTimeout();
        ctx.fireChannelInactive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FrontendMessage message) {
        if (message instanceof FrontendMessage.SslRequest) {
            onSslRequest(ctx);
        } else if (message instanceof FrontendMessage.GssEncRequest) {
            answerByte(ctx, 'N');
        } else if (message instanceof FrontendMessage.CancelRequest cancel) {
            server.sessions().cancel(cancel.processId(), cancel.secretKey());
            ctx.close();
        } else if (message instanceof FrontendMessage.StartupMessage startupMessage) {
            onStartup(ctx, startupMessage);
        } else if (message instanceof FrontendMessage.PasswordMessage password && exchange != null) {
            onPassword(ctx, password);
        } else if (message instanceof FrontendMessage.Malformed malformed) {
            fatal(ctx, "08P01", malformed.reason());
        } else {
            fatal(ctx, "08P01", "expected authentication request, got " + message.getClass().getSimpleName());
        }
    }

    private void onSslRequest(ChannelHandlerContext ctx) {
        if (server.sslContext() == null || ctx.pipeline().get(SslHandler.class) != null) {
            answerByte(ctx, 'N');
            return;
        }
        // 'S' goes out in plain text; everything after it is TLS.
        ByteBuf answer = ctx.alloc().buffer(1).writeByte('S');
        ctx.writeAndFlush(answer);
        ctx.pipeline().addFirst("tls", server.sslContext().newHandler(ctx.alloc()));
    }

    private static void answerByte(ChannelHandlerContext ctx, char answer) {
        ctx.writeAndFlush(ctx.alloc().buffer(1).writeByte(answer));
    }

    private void onStartup(ChannelHandlerContext ctx, FrontendMessage.StartupMessage message) {
        if (message.majorVersion() != 3) {
            fatal(ctx, "0A000", "unsupported frontend protocol " + message.majorVersion() + "." + message.minorVersion()
                    + ": server supports 3.0 to 3." + LATEST_MINOR);
            return;
        }
        startup = message;
        minorVersion = Math.min(message.minorVersion(), LATEST_MINOR);
        ByteBuf out = ctx.alloc().buffer();
        List<String> unknownOptions = new ArrayList<>();
        for (String name : message.parameters().keySet()) {
            if (name.startsWith("_pq_.")) {
                unknownOptions.add(name);
            }
        }
        if (message.minorVersion() > LATEST_MINOR || !unknownOptions.isEmpty()) {
            // Generic negotiation, as PostgreSQL does since 10: newest version as a full code.
            BackendMessages.negotiateProtocolVersion(out, (3 << 16) | minorVersion, unknownOptions);
        }
        String user = message.parameters().get("user");
        if (user == null || user.isEmpty()) {
            ctx.write(out);
            fatal(ctx, "28000", "no PostgreSQL user name specified in startup packet");
            return;
        }
        ServerConfig config = server.engine().serverConfig();
        if (!admitted(ctx, config)) {
            // as PostgreSQL: refused once the startup packet is read, before authentication
            ctx.write(out);
            log.info("connection from {} refused: too many clients (user \"{}\")", ctx.channel().remoteAddress(),
                    LogText.escape(user));
            fatal(ctx, "53300", "sorry, too many clients already");
            return;
        }
        Map<String, String> users = config.auth().users();
        if (users != null && !users.containsKey(user)) {
            ctx.write(out);
            loginFailed(ctx, user, "role does not exist");
            fatal(ctx, "28000", "role \"" + user + "\" does not exist");
            return;
        }
        exchange = server.auth().forMethod(config.auth().method(), user, users == null ? null : users.get(user));
        AuthExchange.Outcome outcome = exchange.start(out);
        ctx.writeAndFlush(out);
        if (outcome == AuthExchange.Outcome.OK) {
            authenticated(ctx);
        }
    }

    private void onPassword(ChannelHandlerContext ctx, FrontendMessage.PasswordMessage message) {
        ByteBuf out = ctx.alloc().buffer();
        AuthExchange.Outcome outcome = exchange.onPassword(message.payload(), out);
        switch (outcome) {
            case CONTINUE -> ctx.writeAndFlush(out);
            case OK -> {
                ctx.write(out);
                authenticated(ctx);
            }
            case FAILED -> {
                out.release();
                ErrorFields failure = exchange.failure();
                loginFailed(ctx, startup.parameters().get("user"),
                        failure != null ? LogText.escape(failure.message()) : "password does not match");
                if (failure != null) {
                    fatal(ctx, failure);
                } else {
                    fatal(ctx, "28P01", "password authentication failed for user \""
                            + startup.parameters().get("user") + "\"");
                }
            }
        }
    }

    private void authenticated(ChannelHandlerContext ctx) {
        Map<String, String> parameters = startup.parameters();
        String user = parameters.get("user");
        String database = parameters.getOrDefault("database", user);
        if (database == null || database.isEmpty()) {
            database = user;
        }
        List<String> databases = server.engine().serverConfig().databases();
        if (databases != null && !databases.contains(database)) {
            loginFailed(ctx, user, "database \"" + LogText.escape(database) + "\" does not exist");
            fatal(ctx, "3D000", "database \"" + database + "\" does not exist");
            return;
        }
        if (server.sessions().draining()) {
            fatal(ctx, "57P03", "the database system is shutting down");
            return;
        }
        cancelTimeout();
        FrontendDecoder decoder = ctx.pipeline().get(FrontendDecoder.class);
        if (decoder != null) {
            decoder.maxMessageSize(server.maxMessageSize());
        }
        int processId = server.sessions().newProcessId();
        byte[] secretKey = server.sessions().newSecretKey(minorVersion);
        SessionHandler session = new SessionHandler(server, processId, secretKey);
        SessionInfo info = new SessionInfo(processId, user, database, Map.copyOf(parameters), session::deliver);
        ctx.pipeline().replace(this, "session", session);
        session.start(ctx.pipeline().context(session), info);
    }

    /**
     * Takes a connection slot, given back when the channel closes. The limit is the script's
     * {@code server.max_connections} when it sets one, else the server's.
     */
    private boolean admitted(ChannelHandlerContext ctx, ServerConfig config) {
        int limit = config.maxConnections() != null ? config.maxConnections() : server.maxConnections();
        if (!server.sessions().admit(limit)) {
            return false;
        }
        SessionRegistry sessions = server.sessions();
        ctx.channel().closeFuture().addListener(closed -> sessions.releaseSlot());
        return true;
    }

    /** A failed login, at INFO as PostgreSQL logs it: who and why, never the password. */
    private static void loginFailed(ChannelHandlerContext ctx, String user, String reason) {
        log.info("connection from {}: authentication failed for user \"{}\": {}", ctx.channel().remoteAddress(),
                LogText.escape(user), reason);
    }

    private void fatal(ChannelHandlerContext ctx, String code, String message) {
        fatal(ctx, ErrorFields.fatal(code, message));
    }

    private void fatal(ChannelHandlerContext ctx, ErrorFields fields) {
        cancelTimeout();
        ByteBuf out = ctx.alloc().buffer();
        BackendMessages.errorResponse(out, fields);
        ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
        exchange = null;
    }

    private void cancelTimeout() {
        if (startupTimeout != null) {
            startupTimeout.cancel(false);
            startupTimeout = null;
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (ClientDisconnects.isDisconnect(cause)) {
            log.debug("connection from {} lost during startup: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            log.warn("connection closed during startup after an internal error", cause);
        }
        ctx.close();
    }
}
