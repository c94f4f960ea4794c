package io.mockpg.internal.cli.admin;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns aggregated HTTP requests into {@link AdminRouter} calls and writes the answers. Holds no
 * per-connection state, so one instance serves every connection. The request is released by
 * {@link SimpleChannelInboundHandler} after {@link #channelRead0}.
 */
@Sharable
final class AdminHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(AdminHttpHandler.class);

    /** How many of the oldest entries the journal had dropped (its limit) when a journal was read. */
    static final String DROPPED_HEADER = "Mockpg-Journal-Dropped";

    private final AdminRouter router;

    AdminHttpHandler(AdminRouter router) {
        this.router = router;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        AdminReply reply;
        if (request.decoderResult().isFailure()) {
            keepAlive = false; // the stream may be out of step
            reply = router.error(400, "malformed HTTP request");
        } else {
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            reply = router.handle(request.method().name(), uri.path(), uri.parameters(),
                    ByteBufUtil.getBytes(request.content()));
        }

        if (reply.stream() != null) {
            writeStream(ctx, request, reply.stream(), keepAlive);
            return;
        }
        FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(),
                HttpResponseStatus.valueOf(reply.status()),
                reply.json() == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(reply.json()));
        if (reply.json() != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        }
        if (reply.status() != 204) { // a 204 must not carry Content-Length
            HttpUtil.setContentLength(response, response.content().readableBytes());
        }
        if (reply.allow() != null) {
            response.headers().set(HttpHeaderNames.ALLOW, String.join(", ", reply.allow()));
        }
        HttpUtil.setKeepAlive(response, keepAlive);
        ChannelFuture written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** A chunked 200 whose body the ChunkedWriteHandler pulls page by page as the client reads. */
    private static void writeStream(ChannelHandlerContext ctx, FullHttpRequest request, JournalStream stream,
                                    boolean keepAlive) {
        HttpResponse response = new DefaultHttpResponse(request.protocolVersion(), HttpResponseStatus.OK);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        response.headers().set(DROPPED_HEADER, stream.dropped());
        HttpUtil.setTransferEncodingChunked(response, true);
        HttpUtil.setKeepAlive(response, keepAlive);
        ctx.write(response);
        ChannelFuture written = ctx.writeAndFlush(new HttpChunkedInput(stream));
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("admin connection failed", cause);
        ctx.close();
    }
}
