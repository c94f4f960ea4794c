package io.mockpg.internal.protocol.backend;

import io.mockpg.internal.engine.ErrorFields;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writers for every backend message, each with the same rhythm: type byte, length
 * placeholder, body, patch the length. They append to a caller-owned buffer so that a whole
 * answer batch goes out in one write.
 */
public final class BackendMessages {
    private BackendMessages() {
    }

    /** Starts a message; returns the length field's index for {@link #end}. */
    public static int begin(ByteBuf out, char type) {
        out.writeByte(type);
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        return lengthIndex;
    }

    public static void end(ByteBuf out, int lengthIndex) {
        out.setInt(lengthIndex, out.writerIndex() - lengthIndex);
    }

    public static void cstring(ByteBuf out, String s) {
        ByteBufUtil.writeUtf8(out, s);
        out.writeByte(0);
    }

    /** {@code | 'R' | int32 8 | int32 0 |}. */
    public static void authenticationOk(ByteBuf out) {
        out.writeByte('R').writeInt(8).writeInt(0);
    }

    /** {@code | 'R' | int32 8 | int32 3 |}. */
    public static void authenticationCleartextPassword(ByteBuf out) {
        out.writeByte('R').writeInt(8).writeInt(3);
    }

    /** {@code | 'R' | int32 12 | int32 5 | byte[4] salt |}. */
    public static void authenticationMd5Password(ByteBuf out, byte[] salt) {
        out.writeByte('R').writeInt(12).writeInt(5).writeBytes(salt, 0, 4);
    }

    /** {@code | 'R' | int32 len | int32 10 | (str mechanism)* | 0 |}. */
    public static void authenticationSasl(ByteBuf out, String... mechanisms) {
        int at = begin(out, 'R');
        out.writeInt(10);
        for (String mechanism : mechanisms) {
            cstring(out, mechanism);
        }
        out.writeByte(0);
        end(out, at);
    }

    /** {@code | 'R' | int32 len | int32 11 | bytes |}. */
    public static void authenticationSaslContinue(ByteBuf out, byte[] data) {
        out.writeByte('R').writeInt(8 + data.length).writeInt(11).writeBytes(data);
    }

    /** {@code | 'R' | int32 len | int32 12 | bytes |}. */
    public static void authenticationSaslFinal(ByteBuf out, byte[] data) {
        out.writeByte('R').writeInt(8 + data.length).writeInt(12).writeBytes(data);
    }

    /** {@code | 'S' | int32 len | str name | str value |}. */
    public static void parameterStatus(ByteBuf out, String name, String value) {
        int at = begin(out, 'S');
        cstring(out, name);
        cstring(out, value);
        end(out, at);
    }

    public static void parameterStatuses(ByteBuf out, Map<String, String> parameters) {
        parameters.forEach((name, value) -> parameterStatus(out, name, value));
    }

    /** {@code | 'K' | int32 len | int32 pid | key bytes |}. */
    public static void backendKeyData(ByteBuf out, int processId, byte[] secretKey) {
        out.writeByte('K').writeInt(8 + secretKey.length).writeInt(processId).writeBytes(secretKey);
    }

    /** {@code | 'Z' | int32 5 | byte status |}. */
    public static void readyForQuery(ByteBuf out, char status) {
        out.writeByte('Z').writeInt(5).writeByte(status);
    }

    /** {@code | 'v' | int32 len | int32 newest version | int32 n | str option * n |}. */
    public static void negotiateProtocolVersion(ByteBuf out, int version, Iterable<String> unsupportedOptions) {
        int at = begin(out, 'v');
        out.writeInt(version);
        int countIndex = out.writerIndex();
        out.writeInt(0);
        int count = 0;
        for (String option : unsupportedOptions) {
            cstring(out, option);
            count++;
        }
        out.setInt(countIndex, count);
        end(out, at);
    }

    /** {@code | 'C' | int32 len | str tag |}. */
    public static void commandComplete(ByteBuf out, String tag) {
        int at = begin(out, 'C');
        cstring(out, tag);
        end(out, at);
    }

    /** {@code | 'I' | int32 4 |}. */
    public static void emptyQueryResponse(ByteBuf out) {
        out.writeByte('I').writeInt(4);
    }

    /** {@code | '1' | int32 4 |}. */
    public static void parseComplete(ByteBuf out) {
        out.writeByte('1').writeInt(4);
    }

    /** {@code | '2' | int32 4 |}. */
    public static void bindComplete(ByteBuf out) {
        out.writeByte('2').writeInt(4);
    }

    /** {@code | '3' | int32 4 |}. */
    public static void closeComplete(ByteBuf out) {
        out.writeByte('3').writeInt(4);
    }

    /** {@code | 'n' | int32 4 |}. */
    public static void noData(ByteBuf out) {
        out.writeByte('n').writeInt(4);
    }

    /** {@code | 's' | int32 4 |}. */
    public static void portalSuspended(ByteBuf out) {
        out.writeByte('s').writeInt(4);
    }

    /** {@code | 't' | int32 len | int16 n | int32 oid * n |}. */
    public static void parameterDescription(ByteBuf out, int[] oids) {
        out.writeByte('t').writeInt(6 + 4 * oids.length).writeShort(oids.length);
        for (int oid : oids) {
            out.writeInt(oid);
        }
    }

    /** {@code | 'E' | int32 len | (byte code, str value)* | 0 |}. */
    public static void errorResponse(ByteBuf out, ErrorFields fields) {
        fields(out, 'E', fields);
    }

    /** {@code | 'N' | int32 len | (byte code, str value)* | 0 |}. */
    public static void noticeResponse(ByteBuf out, ErrorFields fields) {
        fields(out, 'N', fields);
    }

    private static void fields(ByteBuf out, char type, ErrorFields f) {
        int at = begin(out, type);
        field(out, 'S', f.severity());
        field(out, 'V', f.severity());
        field(out, 'C', f.code());
        field(out, 'M', f.message());
        field(out, 'D', f.detail());
        field(out, 'H', f.hint());
        field(out, 'P', f.position() == null ? null : f.position().toString());
        field(out, 'W', f.where());
        field(out, 's', f.schema());
        field(out, 't', f.table());
        field(out, 'c', f.column());
        field(out, 'd', f.dataType());
        field(out, 'n', f.constraint());
        field(out, 'p', f.internalPosition() == null ? null : f.internalPosition().toString());
        field(out, 'q', f.internalQuery());
        field(out, 'F', f.file());
        field(out, 'L', f.line() == null ? null : f.line().toString());
        field(out, 'R', f.routine());
        out.writeByte(0);
        end(out, at);
    }

    private static void field(ByteBuf out, char code, String value) {
        if (value != null) {
            out.writeByte(code);
            cstring(out, value);
        }
    }

    /** {@code | 'A' | int32 len | int32 pid | str channel | str payload |}. */
    public static void notificationResponse(ByteBuf out, int processId, String channel, String payload) {
        int at = begin(out, 'A');
        out.writeInt(processId);
        cstring(out, channel);
        cstring(out, payload);
        end(out, at);
    }

    /** {@code | 'G' or 'H' | int32 len | int8 format | int16 n | int16 fmt * n |}. */
    public static void copyResponse(ByteBuf out, char type, int columns) {
        out.writeByte(type).writeInt(7 + 2 * columns).writeByte(0).writeShort(columns);
        for (int i = 0; i < columns; i++) {
            out.writeShort(0);
        }
    }

    /** {@code | 'd' | int32 len | bytes |}. */
    public static void copyData(ByteBuf out, String line) {
        int at = begin(out, 'd');
        out.writeCharSequence(line, StandardCharsets.UTF_8);
        end(out, at);
    }

    /** {@code | 'c' | int32 4 |}. */
    public static void copyDone(ByteBuf out) {
        out.writeByte('c').writeInt(4);
    }
}
