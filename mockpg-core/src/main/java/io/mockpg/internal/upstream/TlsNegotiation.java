package io.mockpg.internal.upstream;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * SSLRequest and its one-byte answer (PostgreSQL documentation, "SSL Session Encryption"): on
 * 'S' a TLS handshake, on 'N' plain text unless {@code sslmode=require}. The server's
 * certificate is not verified, as libpq does for {@code prefer} and {@code require}. Fires
 * {@link #NEGOTIATED} once the startup message may be sent, and removes itself.
 */
final class TlsNegotiation extends ByteToMessageDecoder {
    /** The user event that says the startup message may go out now. */
    static final Object NEGOTIATED = new Object();

    private static volatile SslContext context;

    private final UpstreamUrl url;

    TlsNegotiation(UpstreamUrl url) {
        this.url = url;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ByteBuf request = ctx.alloc().buffer(8);
        FrontendMessages.sslRequest(request);
        ctx.writeAndFlush(request);
        ctx.fireChannelActive();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws SSLException {
        byte answer = in.readByte();
        if (answer == 'S') {
            SslHandler tls = context().newHandler(ctx.alloc(), url.host(), url.port());
            ctx.pipeline().addBefore(ctx.name(), "tls", tls);
            tls.handshakeFuture().addListener(done -> {
                if (done.isSuccess()) {
                    ctx.fireUserEventTriggered(NEGOTIATED);
                } else {
                    ctx.fireExceptionCaught(new UpstreamException("TLS handshake with upstream " + url.address()
                            + " failed: " + done.cause().getMessage(), done.cause()));
                }
            });
            ctx.pipeline().remove(this);
        } else if (answer == 'N' && url.sslMode() != SslMode.REQUIRE) {
            ctx.pipeline().remove(this);
            ctx.fireUserEventTriggered(NEGOTIATED);
        } else if (answer == 'N') {
            throw new UpstreamException("upstream " + url.address() + " does not accept TLS, which sslmode=require asks for");
        } else {
            throw new UpstreamException("upstream " + url.address() + " answered SSLRequest with byte " + answer
                    + ": not a PostgreSQL server?");
        }
    }

    private static SslContext context() throws SSLException {
        SslContext built = context;
        if (built == null) {
            built = SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build();
            context = built;
        }
        return built;
    }
}
