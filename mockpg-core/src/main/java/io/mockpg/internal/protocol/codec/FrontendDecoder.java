package io.mockpg.internal.protocol.codec;

import io.mockpg.internal.protocol.frontend.FrontendMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.nio.charset.StandardCharsets;

/**
 * Frames and decodes typed frontend messages ({@code | byte type | int32 len | payload |})
 * into {@link FrontendMessage} records, one {@code fireChannelRead} per message. Payloads are
 * copied to the heap. A bad length or layout yields {@link FrontendMessage.Malformed} and the
 * decoder stops reading: the connection is about to be closed.
 *
 * <p>Not a {@code ByteToMessageDecoder}: every statement passes through here, and that class's
 * per-read bookkeeping (an output list from a thread-local, re-entry protection, a second loop
 * to fire the list) took about 4 % of the event loops' own CPU under pgbench. Bytes are kept
 * between reads only when a message is split across them.
 */
public final class FrontendDecoder extends ChannelInboundHandlerAdapter {
    /**
     * The limit before authentication: PostgreSQL's PG_MAX_AUTH_TOKEN_LENGTH (65535), which it
     * also applies to password packets. A client that has not logged in cannot make the server
     * buffer more than this, whatever its length fields claim.
     */
    public static final int MAX_PRE_AUTH_MESSAGE = 65_535;

    private int maxMessageSize;
    /** The unread bytes of a message split across reads, or null. */
    private ByteBuf pending;
    private boolean failed;
    /** Whether this read produced a message; if not, and auto-read is off, ask for more. */
    private boolean decodedInThisRead;

    public FrontendDecoder(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    /** Once the client is authenticated: the configured maximum replaces the pre-authentication one. */
    public void maxMessageSize(int bytes) {
        this.maxMessageSize = bytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf received)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (failed) {
            received.release();
            return;
        }
        ByteBuf in = pending == null ? received
                : ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(ctx.alloc(), pending, received);
        pending = null;
        try {
            decodeAll(ctx, in);
        } finally {
            if (in.isReadable() && !failed && !ctx.isRemoved()) {
                if (in.refCnt() == 1) {
                    // a shared buffer is not ours to move bytes in; the next read copies it instead
                    in.discardSomeReadBytes();
                }
                pending = in;
            } else {
                in.release();
            }
        }
    }

    private void decodeAll(ChannelHandlerContext ctx, ByteBuf in) {
        while (!failed && !ctx.isRemoved() && in.readableBytes() >= 5) {
            int start = in.readerIndex();
            int length = in.getInt(start + 1);
            if (length < 4 || length > maxMessageSize) {
                fail(ctx, in, new FrontendMessage.Malformed(length < 4 ? "invalid message length"
                        : "message of " + length + " bytes exceeds the maximum of " + maxMessageSize));
                return;
            }
            if (in.readableBytes() < length + 1) {
                return;
            }
            FrontendMessage message = decodeOne(in, length);
            decodedInThisRead = true;
            if (message instanceof FrontendMessage.Malformed malformed) {
                fail(ctx, in, malformed);
                return;
            }
            ctx.fireChannelRead(message);
        }
    }

    /** The message at the reader index, whose length field is {@code length}; moves past it. */
    private static FrontendMessage decodeOne(ByteBuf in, int length) {
        int start = in.readerIndex();
        int end = start + 1 + length;
        int writerIndex = in.writerIndex();
        char type = (char) in.getByte(start);
        // The body is read in place, bounded by a lowered writer index rather than a slice:
        // reads past the body then fail as they would on a slice, without allocating one.
        in.readerIndex(start + 5);
        in.writerIndex(end);
        try {
            return MessageBodies.decode(type, in);
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return new FrontendMessage.Malformed("invalid message format");
        } finally {
            in.writerIndex(writerIndex);
            in.readerIndex(end);
        }
    }

    private void fail(ChannelHandlerContext ctx, ByteBuf in, FrontendMessage.Malformed malformed) {
        failed = true;
        in.skipBytes(in.readableBytes());
        ctx.fireChannelRead(malformed);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (!decodedInThisRead && !ctx.channel().config().isAutoRead()) {
            ctx.read();
        }
        decodedInThisRead = false;
        ctx.fireChannelReadComplete();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }

    /** Decoding of each typed message body. */
    public static final class MessageBodies {
        /** Messages without content, shared: one of them ends every extended-protocol batch. */
        private static final FrontendMessage SYNC = new FrontendMessage.Sync();
        private static final FrontendMessage FLUSH = new FrontendMessage.Flush();

        private MessageBodies() {
        }

        public static FrontendMessage decode(char type, ByteBuf body) {
            FrontendMessage message = switch (type) {
                case 'Q' -> new FrontendMessage.Query(cstring(body));
                case 'P' -> parse(body);
                case 'B' -> bind(body);
                case 'D' -> new FrontendMessage.Describe((char) body.readByte(), cstring(body));
                case 'E' -> new FrontendMessage.Execute(cstring(body), body.readInt());
                case 'C' -> new FrontendMessage.Close((char) body.readByte(), cstring(body));
                case 'S' -> SYNC;
                case 'H' -> FLUSH;
                case 'X' -> new FrontendMessage.Terminate();
                case 'p' -> new FrontendMessage.PasswordMessage(bytes(body, body.readableBytes()));
                case 'd' -> new FrontendMessage.CopyData(bytes(body, body.readableBytes()));
                case 'c' -> new FrontendMessage.CopyDone();
                case 'f' -> new FrontendMessage.CopyFail(cstring(body));
                case 'F' -> {
                    body.skipBytes(body.readableBytes());
                    yield new FrontendMessage.FunctionCall();
                }
                default -> new FrontendMessage.Malformed("invalid frontend message type " + (int) type);
            };
            if (body.isReadable() && !(message instanceof FrontendMessage.Malformed)) {
                return new FrontendMessage.Malformed("invalid message format");
            }
            return message;
        }

        private static FrontendMessage parse(ByteBuf body) {
            String name = cstring(body);
            String sql = cstring(body);
            int count = claimedCount(body, body.readUnsignedShort(), 4);
            int[] oids = new int[count];
            for (int i = 0; i < count; i++) {
                oids[i] = body.readInt();
            }
            return new FrontendMessage.Parse(name, sql, oids);
        }

        private static FrontendMessage bind(ByteBuf body) {
            String portal = cstring(body);
            String statement = cstring(body);
            short[] paramFormats = shorts(body);
            int valueCount = claimedCount(body, body.readUnsignedShort(), 4);
            byte[][] values = new byte[valueCount][];
            for (int i = 0; i < valueCount; i++) {
                int length = body.readInt();
                if (length < -1) {
                    throw new IllegalArgumentException("negative parameter length");
                }
                values[i] = length == -1 ? null : bytes(body, length);
            }
            short[] resultFormats = shorts(body);
            return new FrontendMessage.Bind(portal, statement, paramFormats, values, resultFormats);
        }

        private static short[] shorts(ByteBuf body) {
            int count = claimedCount(body, body.readUnsignedShort(), 2);
            short[] values = new short[count];
            for (int i = 0; i < count; i++) {
                values[i] = body.readShort();
            }
            return values;
        }

        /**
         * A count read from the wire, checked against the bytes left before an array of that
         * many is allocated: each element needs at least {@code elementBytes}.
         */
        private static int claimedCount(ByteBuf body, int count, int elementBytes) {
            if ((long) count * elementBytes > body.readableBytes()) {
                throw new IllegalArgumentException("count exceeds the message");
            }
            return count;
        }

        /** {@code length} bytes, allocated only once they are known to be in the message. */
        private static byte[] bytes(ByteBuf body, int length) {
            if (length > body.readableBytes()) {
                throw new IllegalArgumentException("length exceeds the message");
            }
            byte[] bytes = new byte[length];
            body.readBytes(bytes);
            return bytes;
        }

        private static String cstring(ByteBuf body) {
            int zero = body.indexOf(body.readerIndex(), body.writerIndex(), (byte) 0);
            if (zero < 0) {
                throw new IllegalArgumentException("unterminated string");
            }
            if (zero == body.readerIndex()) {
                // the unnamed statement and portal: most drivers' names on every Bind and Execute
                body.readerIndex(zero + 1);
                return "";
            }
            String s = body.toString(body.readerIndex(), zero - body.readerIndex(), StandardCharsets.UTF_8);
            body.readerIndex(zero + 1);
            return s;
        }
    }
}
