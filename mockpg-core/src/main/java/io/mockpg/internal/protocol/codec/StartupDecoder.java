package io.mockpg.internal.protocol.codec;

import io.mockpg.internal.protocol.frontend.FrontendMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Decodes the untyped packets a connection starts with: SSLRequest, GSSENCRequest,
 * CancelRequest and StartupMessage ({@code | int32 len | int32 code | payload |}). After a
 * StartupMessage every further message is typed, so this decoder hands the rest of the
 * stream to a {@link FrontendDecoder} and removes itself.
 */
public final class StartupDecoder extends ByteToMessageDecoder {
    public static final int SSL_REQUEST = 80877103;
    public static final int GSSENC_REQUEST = 80877104;
    public static final int CANCEL_REQUEST = 80877102;

    /**
     * PostgreSQL's own MAX_STARTUP_PACKET_LENGTH. Anything longer is refused before it is
     * buffered, so a hostile length field cannot make the server reserve memory.
     */
    static final int MAX_STARTUP_PACKET = 10_000;
    private static final int MIN_PACKET = 8;
    /** A TLS record header: a client speaking TLS directly (PG17 sslnegotiation=direct). */
    private static final int TLS_HANDSHAKE = 0x16;

    /** What reads the typed messages that follow the startup packet. */
    private final Supplier<ChannelHandler> typedDecoder;

    /**
     * Until the session is authenticated its messages are held to PostgreSQL's limit for
     * authentication messages, not the configured one: an unauthenticated client must not make
     * the server buffer a large message.
     */
    public StartupDecoder(int maxMessageSize) {
        this(() -> new FrontendDecoder(Math.min(maxMessageSize, FrontendDecoder.MAX_PRE_AUTH_MESSAGE)));
    }

    /** A decoder whose typed messages go to {@code typedDecoder}'s handler (a proxy frames them instead). */
    public StartupDecoder(Supplier<ChannelHandler> typedDecoder) {
        this.typedDecoder = typedDecoder;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() >= 1 && in.getUnsignedByte(in.readerIndex()) == TLS_HANDSHAKE) {
            in.skipBytes(in.readableBytes());
            out.add(new FrontendMessage.Malformed("direct TLS negotiation is not supported"));
            return;
        }
        if (in.readableBytes() < 4) {
            return;
        }
        int length = in.getInt(in.readerIndex());
        if (length < MIN_PACKET || length > MAX_STARTUP_PACKET) {
            in.skipBytes(in.readableBytes());
            out.add(new FrontendMessage.Malformed("invalid length of startup packet"));
            return;
        }
        if (in.readableBytes() < length) {
            return;
        }
        int start = in.readerIndex();
        in.skipBytes(4);
        int code = in.readInt();
        FrontendMessage message = switch (code) {
            case SSL_REQUEST -> length == 8 ? new FrontendMessage.SslRequest() : malformed();
            case GSSENC_REQUEST -> length == 8 ? new FrontendMessage.GssEncRequest() : malformed();
            case CANCEL_REQUEST -> cancel(in, length);
            default -> startup(in, code, length);
        };
        in.readerIndex(start + length);
        out.add(message);
        if (message instanceof FrontendMessage.StartupMessage) {
            // Everything after the startup packet is typed: hand over the remaining bytes.
            ctx.pipeline().addAfter(ctx.name(), "frontend-decoder", typedDecoder.get());
            ctx.pipeline().remove(this);
        }
    }

    private static FrontendMessage malformed() {
        return new FrontendMessage.Malformed("invalid length of startup packet");
    }

    private static FrontendMessage cancel(ByteBuf in, int length) {
        int keyLength = length - 12;
        if (keyLength < 4 || keyLength > 256) {
            return malformed();
        }
        int pid = in.readInt();
        byte[] key = new byte[keyLength];
        in.readBytes(key);
        return new FrontendMessage.CancelRequest(pid, key);
    }

    private static FrontendMessage startup(ByteBuf in, int version, int length) {
        int end = in.readerIndex() - 8 + length;
        Map<String, String> parameters = new LinkedHashMap<>();
        while (in.readerIndex() < end) {
            String name = readCString(in, end);
            if (name == null) {
                return new FrontendMessage.Malformed("invalid startup packet layout: expected terminator as last byte");
            }
            if (name.isEmpty()) {
                break;
            }
            String value = readCString(in, end);
            if (value == null) {
                return new FrontendMessage.Malformed("invalid startup packet layout: expected terminator as last byte");
            }
            parameters.put(name, value);
        }
        return new FrontendMessage.StartupMessage(version >>> 16, version & 0xFFFF, parameters);
    }

    private static String readCString(ByteBuf in, int end) {
        int zero = in.indexOf(in.readerIndex(), end, (byte) 0);
        if (zero < 0) {
            return null;
        }
        String s = in.toString(in.readerIndex(), zero - in.readerIndex(), StandardCharsets.UTF_8);
        in.readerIndex(zero + 1);
        return s;
    }
}
