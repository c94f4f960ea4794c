package io.mockpg.internal.upstream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes one backend message frame ({@code | byte type | int32 len | body |}) into a {@link BackendMessage}. */
public final class BackendMessageDecoder {
    private BackendMessageDecoder() {
    }

    /**
     * Decodes the frame between the reader and writer index of {@code frame}, which it does not
     * consume or release.
     *
     * @throws MalformedMessageException when the body does not have the type's layout
     */
    public static BackendMessage decode(ByteBuf frame) {
        ByteBuf body = frame.duplicate();
        char type = (char) body.readByte();
        int length = body.readInt();
        if (length != body.readableBytes() + 4) {
            throw new MalformedMessageException("message '" + type + "' has length " + length + " but "
                    + (body.readableBytes() + 4) + " bytes");
        }
        try {
            BackendMessage message = decode(type, body);
            if (body.isReadable()) {
                throw new MalformedMessageException("message '" + type + "' has " + body.readableBytes()
                        + " bytes past its end");
            }
            return message;
        } catch (IndexOutOfBoundsException e) {
            throw new MalformedMessageException("message '" + type + "' is shorter than its layout");
        }
    }

    private static BackendMessage decode(char type, ByteBuf body) {
        return switch (type) {
            case 'R' -> new BackendMessage.Authentication(body.readInt(), bytes(body, body.readableBytes()));
            case 'S' -> new BackendMessage.ParameterStatus(cstring(body), cstring(body));
            case 'K' -> new BackendMessage.BackendKeyData(body.readInt(), bytes(body, body.readableBytes()));
            case 'Z' -> new BackendMessage.ReadyForQuery((char) body.readByte());
            case 'T' -> rowDescription(body);
            case 'D' -> dataRow(body);
            case 'C' -> new BackendMessage.CommandComplete(cstring(body));
            case 'E' -> new BackendMessage.ErrorResponse(fields(body));
            case 'N' -> new BackendMessage.NoticeResponse(fields(body));
            case 'A' -> new BackendMessage.NotificationResponse(body.readInt(), cstring(body), cstring(body));
            case 't' -> parameterDescription(body);
            case 'G', 'H', 'W' -> copyResponse(type, body);
            case 'd' -> new BackendMessage.CopyData(bytes(body, body.readableBytes()));
            case 'c' -> new BackendMessage.CopyDone();
            case 'v' -> negotiate(body);
            case '1', '2', '3', 'n', 's', 'I' -> new BackendMessage.Empty(type);
            default -> throw new MalformedMessageException("unknown backend message type " + (int) type);
        };
    }

    private static BackendMessage rowDescription(ByteBuf body) {
        int count = body.readUnsignedShort();
        List<BackendMessage.Field> fields = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            fields.add(new BackendMessage.Field(cstring(body), body.readInt(), body.readShort(), body.readInt(),
                    body.readShort(), body.readInt(), body.readShort()));
        }
        return new BackendMessage.RowDescription(List.copyOf(fields));
    }

    private static BackendMessage dataRow(ByteBuf body) {
        int count = body.readUnsignedShort();
        List<byte[]> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = body.readInt();
            if (length < -1) {
                throw new MalformedMessageException("DataRow value with length " + length);
            }
            values.add(length == -1 ? null : bytes(body, length));
        }
        return new BackendMessage.DataRow(java.util.Collections.unmodifiableList(values));
    }

    private static BackendMessage parameterDescription(ByteBuf body) {
        int[] oids = new int[body.readUnsignedShort()];
        for (int i = 0; i < oids.length; i++) {
            oids[i] = body.readInt();
        }
        return new BackendMessage.ParameterDescription(oids);
    }

    private static BackendMessage copyResponse(char type, ByteBuf body) {
        int format = body.readByte();
        short[] formats = new short[body.readUnsignedShort()];
        for (int i = 0; i < formats.length; i++) {
            formats[i] = body.readShort();
        }
        return new BackendMessage.CopyResponse(type, format, formats);
    }

    private static BackendMessage negotiate(ByteBuf body) {
        int minor = body.readInt();
        int count = body.readInt();
        List<String> options = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            options.add(cstring(body));
        }
        return new BackendMessage.NegotiateProtocolVersion(minor, List.copyOf(options));
    }

    private static Map<Character, String> fields(ByteBuf body) {
        Map<Character, String> fields = new LinkedHashMap<>();
        for (byte code = body.readByte(); code != 0; code = body.readByte()) {
            fields.put((char) code, cstring(body));
        }
        return java.util.Collections.unmodifiableMap(fields);
    }

    private static byte[] bytes(ByteBuf body, int length) {
        return ByteBufUtil.getBytes(body.readSlice(length));
    }

    private static String cstring(ByteBuf body) {
        int zero = body.indexOf(body.readerIndex(), body.writerIndex(), (byte) 0);
        if (zero < 0) {
            throw new MalformedMessageException("unterminated string");
        }
        String s = body.toString(body.readerIndex(), zero - body.readerIndex(), StandardCharsets.UTF_8);
        body.readerIndex(zero + 1);
        return s;
    }
}
