package io.mockpg.protocol.codec;

import io.mockpg.protocol.frontend.FrontendMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Frames and decodes typed frontend messages ({@code | byte type | int32 len | payload |})
 * into {@link FrontendMessage} records. Payloads are copied to the heap; the buffer is
 * released by the base class. A bad length or layout yields {@link FrontendMessage.Malformed}
 * and the decoder stops reading: the connection is about to be closed.
 */
public final class FrontendDecoder extends ByteToMessageDecoder {
    private final int maxMessageSize;
    private boolean failed;

    public FrontendDecoder(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        while (in.readableBytes() >= 5) {
            int start = in.readerIndex();
            byte type = in.getByte(start);
            int length = in.getInt(start + 1);
            if (length < 4 || length > maxMessageSize) {
                fail(in, out, length < 4 ? "invalid message length" : "message of " + length
                        + " bytes exceeds the maximum of " + maxMessageSize);
                return;
            }
            if (in.readableBytes() < length + 1) {
                return;
            }
            ByteBuf body = in.slice(start + 5, length - 4);
            in.readerIndex(start + 1 + length);
            FrontendMessage message;
            try {
                message = MessageBodies.decode((char) type, body);
            } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
                message = new FrontendMessage.Malformed("invalid message format");
            }
            if (message instanceof FrontendMessage.Malformed) {
                failed = true;
                in.skipBytes(in.readableBytes());
            }
            out.add(message);
            if (failed) {
                return;
            }
        }
    }

    private void fail(ByteBuf in, List<Object> out, String reason) {
        failed = true;
        in.skipBytes(in.readableBytes());
        out.add(new FrontendMessage.Malformed(reason));
    }

    /** Decoding of each typed message body. */
    static final class MessageBodies {
        private MessageBodies() {
        }

        static FrontendMessage decode(char type, ByteBuf body) {
            FrontendMessage message = switch (type) {
                case 'Q' -> new FrontendMessage.Query(cstring(body));
                case 'P' -> parse(body);
                case 'B' -> bind(body);
                case 'D' -> new FrontendMessage.Describe((char) body.readByte(), cstring(body));
                case 'E' -> new FrontendMessage.Execute(cstring(body), body.readInt());
                case 'C' -> new FrontendMessage.Close((char) body.readByte(), cstring(body));
                case 'S' -> new FrontendMessage.Sync();
                case 'H' -> new FrontendMessage.Flush();
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
            int count = body.readUnsignedShort();
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
            int valueCount = body.readUnsignedShort();
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
            int count = body.readUnsignedShort();
            short[] values = new short[count];
            for (int i = 0; i < count; i++) {
                values[i] = body.readShort();
            }
            return values;
        }

        private static byte[] bytes(ByteBuf body, int length) {
            byte[] bytes = new byte[length];
            body.readBytes(bytes);
            return bytes;
        }

        private static String cstring(ByteBuf body) {
            int zero = body.indexOf(body.readerIndex(), body.writerIndex(), (byte) 0);
            if (zero < 0) {
                throw new IllegalArgumentException("unterminated string");
            }
            String s = body.toString(body.readerIndex(), zero - body.readerIndex(), StandardCharsets.UTF_8);
            body.readerIndex(zero + 1);
            return s;
        }
    }
}
