package io.mockpg.internal.upstream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The startup of one upstream connection (PostgreSQL documentation, "Start-up"): sends the
 * StartupMessage, answers the authentication requests, gathers ParameterStatus and
 * BackendKeyData, and at the first ReadyForQuery hands the channel to an {@link UpstreamSession}.
 * An ErrorResponse fails the startup with an {@link UpstreamRefusedException}.
 */
final class UpstreamHandshake extends ChannelInboundHandlerAdapter {
    private final UpstreamUrl url;
    private final Map<String, String> startupParameters;
    private final boolean waitForTls;
    private final CompletableFuture<UpstreamSession> result;
    private final Authenticator authenticator;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    /** What follows AuthenticationOk, as received: what a proxy replays to its client. */
    private final List<byte[]> startupFrames = new ArrayList<>();
    private BackendMessage.BackendKeyData key;
    private boolean authenticated;

    UpstreamHandshake(UpstreamUrl url, Map<String, String> startupParameters, boolean waitForTls,
                      CompletableFuture<UpstreamSession> result) {
        this.url = url;
        this.startupParameters = startupParameters;
        this.waitForTls = waitForTls;
        this.result = result;
        this.authenticator = new Authenticator(url);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (!waitForTls) {
            sendStartup(ctx);
        }
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == TlsNegotiation.NEGOTIATED) {
            sendStartup(ctx);
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    private void sendStartup(ChannelHandlerContext ctx) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("user", url.user());
        parameters.put("database", url.database());
        startupParameters.forEach((name, value) -> {
            if (!name.equals("user") && !name.equals("database")) {
                parameters.put(name, value);
            }
        });
        ByteBuf startup = ctx.alloc().buffer();
        FrontendMessages.startup(startup, parameters);
        ctx.writeAndFlush(startup);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        try {
            if (result.isDone()) {
                return;
            }
            BackendMessage message = BackendMessageDecoder.decode(frame);
            if (authenticated) {
                startupFrames.add(ByteBufUtil.getBytes(frame));
            }
            handle(ctx, message, frame);
        } catch (RuntimeException e) {
            fail(ctx, e);
        } finally {
            frame.release();
        }
    }

    private void handle(ChannelHandlerContext ctx, BackendMessage message, ByteBuf frame) {
        if (message instanceof BackendMessage.Authentication request) {
            if (request.code() == BackendMessage.Authentication.OK) {
                authenticated = true;
                return;
            }
            ByteBuf answer = ctx.alloc().buffer();
            try {
                authenticator.respond(request, answer);
            } catch (RuntimeException e) {
                answer.release();
                throw e;
            }
            if (answer.isReadable()) {
                ctx.writeAndFlush(answer);
            } else {
                answer.release();
            }
        } else if (message instanceof BackendMessage.ParameterStatus status) {
            parameters.put(status.name(), status.value());
        } else if (message instanceof BackendMessage.BackendKeyData keyData) {
            key = keyData;
        } else if (message instanceof BackendMessage.ErrorResponse error) {
            fail(ctx, new UpstreamRefusedException(url.address(), error, ByteBufUtil.getBytes(frame)));
        } else if (message instanceof BackendMessage.ReadyForQuery ready) {
            UpstreamSession session = new UpstreamSession(ctx.channel(), url, parameters, key, startupFrames,
                    ready.status());
            ctx.pipeline().replace(this, "session", session.inbound());
            result.complete(session);
        }
        // NoticeResponse and NegotiateProtocolVersion during startup: kept in startupFrames only
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail(ctx, new UpstreamException("upstream " + url.address() + " closed the connection during startup"));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable reason = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        fail(ctx, reason instanceof UpstreamException upstream ? upstream
                : new UpstreamException("upstream " + url.address() + " failed during startup: " + reason.getMessage(),
                        reason));
    }

    private void fail(ChannelHandlerContext ctx, UpstreamException cause) {
        fail(ctx, (RuntimeException) cause);
    }

    private void fail(ChannelHandlerContext ctx, RuntimeException cause) {
        UpstreamException failure = cause instanceof UpstreamException upstream ? upstream
                : new UpstreamException("upstream " + url.address() + " sent a malformed message during startup: "
                        + cause.getMessage(), cause);
        if (result.completeExceptionally(failure)) {
            ctx.close();
        }
    }
}
