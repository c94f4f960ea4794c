package io.mockpg.internal.upstream;

import io.mockpg.internal.protocol.backend.BackendMessages;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writers for the frontend messages a client sends (PostgreSQL documentation, "Message
 * Formats"), appended to a caller-owned buffer so that a pipelined batch goes out in one write.
 */
public final class FrontendMessages {
    public static final int PROTOCOL_3_0 = 196608;
    public static final int SSL_REQUEST = 80877103;
    public static final int CANCEL_REQUEST = 80877102;

    private FrontendMessages() {
    }

    /** {@code | int32 len | int32 196608 | (str name, str value)* | 0 |}. */
    public static void startup(ByteBuf out, Map<String, String> parameters) {
        int at = out.writerIndex();
        out.writeInt(0).writeInt(PROTOCOL_3_0);
        parameters.forEach((name, value) -> {
            BackendMessages.cstring(out, name);
            BackendMessages.cstring(out, value);
        });
        out.writeByte(0);
        out.setInt(at, out.writerIndex() - at);
    }

    /** {@code | int32 8 | int32 80877103 |}. */
    public static void sslRequest(ByteBuf out) {
        out.writeInt(8).writeInt(SSL_REQUEST);
    }

    /** {@code | int32 len | int32 80877102 | int32 pid | key |}. */
    public static void cancelRequest(ByteBuf out, int processId, byte[] secretKey) {
        out.writeInt(12 + secretKey.length).writeInt(CANCEL_REQUEST).writeInt(processId).writeBytes(secretKey);
    }

    /** {@code | 'p' | int32 len | str password |}: cleartext or MD5 response. */
    public static void password(ByteBuf out, String password) {
        int at = BackendMessages.begin(out, 'p');
        BackendMessages.cstring(out, password);
        BackendMessages.end(out, at);
    }

    /** {@code | 'p' | int32 len | str mechanism | int32 n | bytes |}: SASLInitialResponse. */
    public static void saslInitialResponse(ByteBuf out, String mechanism, byte[] data) {
        int at = BackendMessages.begin(out, 'p');
        BackendMessages.cstring(out, mechanism);
        out.writeInt(data.length).writeBytes(data);
        BackendMessages.end(out, at);
    }

    /** {@code | 'p' | int32 len | bytes |}: SASLResponse. */
    public static void saslResponse(ByteBuf out, byte[] data) {
        out.writeByte('p').writeInt(4 + data.length).writeBytes(data);
    }

    /** {@code | 'Q' | int32 len | str query |}. */
    public static void query(ByteBuf out, String sql) {
        int at = BackendMessages.begin(out, 'Q');
        BackendMessages.cstring(out, sql);
        BackendMessages.end(out, at);
    }

    /** {@code | 'P' | int32 len | str name | str query | int16 n | int32 oid * n |}. */
    public static void parse(ByteBuf out, String name, String sql, int... parameterOids) {
        int at = BackendMessages.begin(out, 'P');
        BackendMessages.cstring(out, name);
        BackendMessages.cstring(out, sql);
        out.writeShort(parameterOids.length);
        for (int oid : parameterOids) {
            out.writeInt(oid);
        }
        BackendMessages.end(out, at);
    }

    /** Bind with every parameter and result in text format; a null value is SQL NULL. */
    public static void bind(ByteBuf out, String portal, String statement, String... values) {
        bind(out, portal, statement, new short[0], values);
    }

    /**
     * Bind with every parameter in text format (a null value is SQL NULL) and the given result
     * format codes: none for all text, one for all columns, or one per column.
     */
    public static void bind(ByteBuf out, String portal, String statement, short[] resultFormats, String... values) {
        int at = BackendMessages.begin(out, 'B');
        BackendMessages.cstring(out, portal);
        BackendMessages.cstring(out, statement);
        out.writeShort(0);
        out.writeShort(values.length);
        for (String value : values) {
            if (value == null) {
                out.writeInt(-1);
            } else {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                out.writeInt(bytes.length).writeBytes(bytes);
            }
        }
        out.writeShort(resultFormats.length);
        for (short format : resultFormats) {
            out.writeShort(format);
        }
        BackendMessages.end(out, at);
    }

    /** {@code | 'D' | int32 len | byte 'S'/'P' | str name |}. */
    public static void describe(ByteBuf out, char kind, String name) {
        int at = BackendMessages.begin(out, 'D');
        out.writeByte(kind);
        BackendMessages.cstring(out, name);
        BackendMessages.end(out, at);
    }

    /** {@code | 'C' | int32 len | byte 'S'/'P' | str name |}. */
    public static void close(ByteBuf out, char kind, String name) {
        int at = BackendMessages.begin(out, 'C');
        out.writeByte(kind);
        BackendMessages.cstring(out, name);
        BackendMessages.end(out, at);
    }

    /** {@code | 'E' | int32 len | str portal | int32 maxRows |}. */
    public static void execute(ByteBuf out, String portal, int maxRows) {
        int at = BackendMessages.begin(out, 'E');
        BackendMessages.cstring(out, portal);
        out.writeInt(maxRows);
        BackendMessages.end(out, at);
    }

    /** {@code | 'S' | int32 4 |}. */
    public static void sync(ByteBuf out) {
        out.writeByte('S').writeInt(4);
    }

    /** {@code | 'H' | int32 4 |}. */
    public static void flush(ByteBuf out) {
        out.writeByte('H').writeInt(4);
    }

    /** {@code | 'X' | int32 4 |}. */
    public static void terminate(ByteBuf out) {
        out.writeByte('X').writeInt(4);
    }
}
