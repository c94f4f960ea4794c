package io.mockpg.internal.cli.admin;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Checks each request's headers against the {@link AdminAccess} before its body is read: a
 * refused request is answered (403, 401 or 413) and its connection closed without buffering
 * anything it sends. One instance per connection.
 */
final class AdminGuard extends ChannelInboundHandlerAdapter {
    private final AdminAccess access;
    private final int maxBodyBytes;
    /** A request was refused: what it still sends is dropped until the connection closes. */
    private boolean refused;

    AdminGuard(AdminAccess access, int maxBodyBytes) {
        this.access = access;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request && request.decoderResult().isSuccess()) {
            AdminAccess.Refusal refusal = check(ctx, request);
            if (refusal != null) {
                refused = true;
                ReferenceCountUtil.release(msg);
                refuse(ctx, refusal);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    private AdminAccess.Refusal check(ChannelHandlerContext ctx, HttpRequest request) {
        boolean health = request.method().equals(HttpMethod.GET)
                && "/health".equals(new QueryStringDecoder(request.uri()).path());
        // the listening socket's address: bound to 0.0.0.0, a connection's own local address is concrete
        Channel listener = ctx.channel().parent() != null ? ctx.channel().parent() : ctx.channel();
        AdminAccess.Refusal refusal = access.check((InetSocketAddress) listener.localAddress(),
                request.headers().get(HttpHeaderNames.HOST), request.headers().get(HttpHeaderNames.ORIGIN),
                request.headers().get(HttpHeaderNames.AUTHORIZATION), health);
        if (refusal == null && HttpUtil.getContentLength(request, -1L) > maxBodyBytes) {
            // refused from its Content-Length, before a byte of the body is read
            return new AdminAccess.Refusal(413, "request body larger than " + maxBodyBytes + " bytes");
        }
        return refusal;
    }

    private static void refuse(ChannelHandlerContext ctx, AdminAccess.Refusal refusal) {
        byte[] body = ("{\"errors\":[\"" + refusal.message().replace("\"", "\\\"") + "\"]}")
                .getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(refusal.status()), Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        if (refusal.status() == 401) {
            response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
        }
        HttpUtil.setContentLength(response, body.length);
        HttpUtil.setKeepAlive(response, false);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (!refused) {
            ctx.fireChannelReadComplete();
        }
    }
}
